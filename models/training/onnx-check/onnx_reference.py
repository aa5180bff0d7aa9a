"""Write reference inputs/outputs of the torch modules for OnnxCheck.java.

    /usr/bin/python3 models/training/onnx-check/onnx_reference.py /tmp/onnxref models/artmint-tiny
    java -cp ~/.m2/repository/com/microsoft/onnxruntime/onnxruntime/1.29.0/onnxruntime-1.29.0.jar \
         models/training/onnx-check/OnnxCheck.java /tmp/onnxref/manifest.txt

Covers dynamic axes too: batch 3 for the text encoder, a 48x48 latent (384x384 image) for the UNet
and the VAE, and the scaled-down decode of a real prompt's tokens.
"""
import os
import sys

import numpy as np
import torch

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from clip_tokenizer import ClipTokenizer  # noqa: E402
from export import PixelUnshuffle4, load, WORK  # noqa: E402


def main():
    out, model_dir = sys.argv[1], os.path.abspath(sys.argv[2])
    os.makedirs(out, exist_ok=True)
    enc, dec, te, unet, info, _ = load(WORK)
    enc.net[0] = PixelUnshuffle4()
    tok = ClipTokenizer(os.path.join(model_dir, "tokenizer"))
    lines = []
    k = [0]

    def put(arr, kind):
        k[0] += 1
        name = f"t{k[0]}.bin"
        arr.tofile(os.path.join(out, name))
        return name

    def case(model, ins, outs):
        lines.append(f"model {os.path.join(model_dir, model, 'model.onnx')}")
        for n, arr, kind in ins:
            lines.append(f"in {n} {kind} {','.join(map(str, arr.shape))} {put(arr, kind)}")
        for n, arr in outs:
            lines.append(f"out {n} {put(arr.astype(np.float32), 'f32')}")
        lines.append("run")

    torch.manual_seed(0)
    with torch.no_grad():
        ids = np.array([tok("a red circle above a blue sea at sunset, watercolor"),
                        tok("夕阳下蓝色大海上方的红色圆形,水彩"), tok("")], np.int32)
        h, p = te(torch.from_numpy(ids))
        case("text_encoder", [("input_ids", ids, "i32")], [("last_hidden_state", h.numpy()), ("pooler_output", p.numpy())])
        for size in (32, 48):
            s = torch.randn(2, 4, size, size)
            t = torch.tensor([951, 1], dtype=torch.int64)
            eo = unet(s, t, h[:2])
            case("unet", [("sample", s.numpy(), "f32"), ("timestep", t.numpy(), "i64"),
                          ("encoder_hidden_states", h[:2].numpy().copy(), "f32")], [("out_sample", eo.numpy())])
            img = torch.rand(1, 3, size * 8, size * 8) * 2 - 1
            case("vae_encoder", [("sample", img.numpy(), "f32")], [("latent_sample", enc(img).numpy())])
            z = torch.randn(1, 4, size, size)
            case("vae_decoder", [("latent_sample", z.numpy(), "f32")], [("sample", dec(z).numpy())])
    with open(os.path.join(out, "manifest.txt"), "w") as f:
        f.write("\n".join(lines) + "\n")
    print(f"wrote {len(lines)} manifest lines to {out}")


if __name__ == "__main__":
    main()
