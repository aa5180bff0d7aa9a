"""Export the trained artmint-tiny to the diffusers/optimum ONNX layout.

    /usr/bin/python3 models/training/export.py --out models/artmint-tiny

Writes text_encoder/, unet/, vae_encoder/, vae_decoder/ (model.onnx + config.json),
scheduler/scheduler_config.json and model_index.json. The tokenizer/ files are
written by train_tokenizer.py. fp32 graphs, opset 17, dynamic batch (and spatial
size / sequence length) axes.
"""
import argparse
import json
import os

import torch
import torch.nn as nn

from nets import BETA_END, BETA_START, NUM_TRAIN_TIMESTEPS, TextEncoder, UNet, VAEDecoder, VAEEncoder
from train_unet import TEXT_HEADS, TEXT_LAYERS, TEXT_WIDTH, UNET_CHANNELS

WORK = os.environ.get("ARTMINT_WORK", "/tmp/artmint-work")
OPSET = 17

SCHEDULER_CONFIG = {
    "_class_name": "EulerAncestralDiscreteScheduler",
    "_diffusers_version": "0.30.0",
    "num_train_timesteps": NUM_TRAIN_TIMESTEPS,
    "beta_start": BETA_START,
    "beta_end": BETA_END,
    "beta_schedule": "scaled_linear",
    "trained_betas": None,
    "prediction_type": "epsilon",
    "steps_offset": 1,
    "timestep_spacing": "leading",
    "clip_sample": False,
    "set_alpha_to_one": False,
    "skip_prk_steps": True,
    "rescale_betas_zero_snr": False,
}


class PixelUnshuffle4(nn.Module):
    """nn.PixelUnshuffle(4) written with reshape/permute so the ONNX graph keeps dynamic H and W."""

    def forward(self, x):
        b, c, h, w = x.shape
        x = x.reshape(b, c, h // 4, 4, w // 4, 4).permute(0, 1, 3, 5, 2, 4)
        return x.reshape(b, c * 16, h // 4, w // 4)


class TextEncoderExport(nn.Module):
    def __init__(self, te):
        super().__init__()
        self.te = te

    def forward(self, input_ids):
        return self.te(input_ids)


def load(work):
    vae = torch.load(os.path.join(work, "vae.pt"))
    info = json.load(open(os.path.join(work, "vae_info.json")))
    ck = torch.load(os.path.join(work, "unet.pt"))
    enc, dec = VAEEncoder(), VAEDecoder()
    enc.load_state_dict(vae["enc"]), dec.load_state_dict(vae["dec"])
    te = TextEncoder(ck["vocab_size"], 77, TEXT_WIDTH, TEXT_LAYERS, TEXT_HEADS)
    unet = UNet(UNET_CHANNELS, ctx_dim=TEXT_WIDTH)
    te.load_state_dict(ck["ema_te"]), unet.load_state_dict(ck["ema_unet"])
    for m in (enc, dec, te, unet):
        m.eval()
    return enc, dec, te, unet, info, ck


def write_json(path, obj):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(obj, f, indent=2, ensure_ascii=False)
        f.write("\n")


def export(module, args, path, input_names, output_names, dynamic_axes):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with torch.no_grad():
        torch.onnx.export(module, args, path, input_names=input_names, output_names=output_names,
                          dynamic_axes=dynamic_axes, opset_version=OPSET, do_constant_folding=True)
    print(f"{path}: {os.path.getsize(path) / 1e6:.2f} MB", flush=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "artmint-tiny"))
    args = ap.parse_args()
    out = args.out
    enc, dec, te, unet, info, ck = load(WORK)
    enc.net[0] = PixelUnshuffle4()
    x = torch.rand(1, 3, 256, 256) * 2 - 1
    assert torch.allclose(enc(x), VAEEncoder.forward(enc, x))

    scale = info["scaling_factor"]
    vocab = ck["vocab_size"]
    export(TextEncoderExport(te), (torch.full((1, 77), vocab - 1, dtype=torch.int32),),
           os.path.join(out, "text_encoder", "model.onnx"), ["input_ids"], ["last_hidden_state", "pooler_output"],
           {"input_ids": {0: "batch", 1: "sequence"}, "last_hidden_state": {0: "batch", 1: "sequence"},
            "pooler_output": {0: "batch"}})
    export(unet, (torch.randn(2, 4, 32, 32), torch.tensor([999, 1], dtype=torch.int64), torch.randn(2, 77, TEXT_WIDTH)),
           os.path.join(out, "unet", "model.onnx"), ["sample", "timestep", "encoder_hidden_states"], ["out_sample"],
           {"sample": {0: "batch", 2: "height", 3: "width"}, "timestep": {0: "batch"},
            "encoder_hidden_states": {0: "batch", 1: "sequence"}, "out_sample": {0: "batch", 2: "height", 3: "width"}})
    export(enc, (x,), os.path.join(out, "vae_encoder", "model.onnx"), ["sample"], ["latent_sample"],
           {"sample": {0: "batch", 2: "height", 3: "width"}, "latent_sample": {0: "batch", 2: "height", 3: "width"}})
    export(dec, (torch.randn(1, 4, 32, 32),), os.path.join(out, "vae_decoder", "model.onnx"), ["latent_sample"],
           ["sample"], {"latent_sample": {0: "batch", 2: "height", 3: "width"}, "sample": {0: "batch", 2: "height", 3: "width"}})

    vae_cfg = {
        "_class_name": "AutoencoderKL",
        "_diffusers_version": "0.30.0",
        "in_channels": 3,
        "out_channels": 3,
        "latent_channels": 4,
        "block_out_channels": [64, 128],
        "sample_size": 256,
        "scaling_factor": scale,
        "artmint_note": "pixel-unshuffle/shuffle conv autoencoder, 8x spatial compression; "
                        "latent_sample of vae_encoder is the unscaled mean",
    }
    write_json(os.path.join(out, "vae_encoder", "config.json"), vae_cfg)
    write_json(os.path.join(out, "vae_decoder", "config.json"), vae_cfg)
    write_json(os.path.join(out, "unet", "config.json"), {
        "_class_name": "UNet2DConditionModel",
        "_diffusers_version": "0.30.0",
        "sample_size": 32,
        "in_channels": 4,
        "out_channels": 4,
        "cross_attention_dim": TEXT_WIDTH,
        "block_out_channels": list(UNET_CHANNELS),
        "attention_head_dim": 4,
        "layers_per_block": 1,
        "down_block_types": ["DownBlock2D", "CrossAttnDownBlock2D", "CrossAttnDownBlock2D"],
        "up_block_types": ["CrossAttnUpBlock2D", "CrossAttnUpBlock2D", "UpBlock2D"],
    })
    write_json(os.path.join(out, "text_encoder", "config.json"), {
        "_class_name": "CLIPTextModel",
        "architectures": ["CLIPTextModel"],
        "model_type": "clip_text_model",
        "hidden_size": TEXT_WIDTH,
        "intermediate_size": 4 * TEXT_WIDTH,
        "num_hidden_layers": TEXT_LAYERS,
        "num_attention_heads": TEXT_HEADS,
        "max_position_embeddings": 77,
        "vocab_size": vocab,
        "bos_token_id": vocab - 2,
        "eos_token_id": vocab - 1,
        "pad_token_id": vocab - 1,
    })
    write_json(os.path.join(out, "scheduler", "scheduler_config.json"), SCHEDULER_CONFIG)
    write_json(os.path.join(out, "model_index.json"), {
        "_class_name": "StableDiffusionPipeline",
        "_diffusers_version": "0.30.0",
        "feature_extractor": [None, None],
        "requires_safety_checker": False,
        "safety_checker": [None, None],
        "scheduler": ["diffusers", "EulerAncestralDiscreteScheduler"],
        "text_encoder": ["diffusers", "OnnxRuntimeModel"],
        "tokenizer": ["transformers", "CLIPTokenizer"],
        "unet": ["diffusers", "OnnxRuntimeModel"],
        "vae_decoder": ["diffusers", "OnnxRuntimeModel"],
        "vae_encoder": ["diffusers", "OnnxRuntimeModel"],
        "artmint": {
            "name": "artmint-tiny",
            "default_steps": 20,
            "default_guidance": 5.0,
            "width": 256,
            "height": 256,
            "scheduler": "euler_a",
            "prediction_type": "epsilon",
            "scaling_factor": scale,
            "model_max_length": 77,
        },
    })


if __name__ == "__main__":
    main()
