"""Builds the tiny random-weight diffusers-layout ONNX models the Java diffusion tests run against.

Each fixture follows the diffusers / optimum ONNX folder layout and exercises one set of export choices
(input_ids int32/int64, timestep int64/float32/float16 as [batch], [1] or a scalar, latent_sample or
latent_parameters, float32 or float16 inputs and outputs). The tiny-float-timestep UNet keeps its weights in an external model.onnx_data file, as exports over 2 GB do.
The VAE is an exact 8x8 average-pool encoder
with a matching nearest-neighbour decoder, so images made of flat 8x8 blocks survive the round trip.

Needs Debian's python3-torch, python3-numpy and python3-onnx.
Run:  /usr/bin/python3 src/test/python/make_fixtures.py src/test/resources/diffusion/models
"""
import json
import math
import os
import sys
from collections import Counter

import onnx
import torch

torch.manual_seed(1234)
HIDDEN = 32
SEQ = 32
CORPUS = """
a painting of a fox in the snow, oil on canvas, highly detailed
a photo of a cat sitting on a red chair, studio lighting
portrait of an astronaut riding a horse on the moon
watercolor landscape with mountains and a river at sunset
cyberpunk city street at night with neon lights and rain
a bowl of fruit on a wooden table, still life
blurry, low quality, deformed, watermark, text
山水画 猫 狗 城市 月亮 星空
""".split()


def bytes_to_unicode():
    bs = list(range(ord("!"), ord("~") + 1)) + list(range(ord("¡"), ord("¬") + 1)) + list(range(ord("®"), ord("ÿ") + 1))
    cs = bs[:]
    n = 0
    for b in range(256):
        if b not in bs:
            bs.append(b)
            cs.append(256 + n)
            n += 1
    return dict(zip(bs, [chr(c) for c in cs]))


def learn_merges(words, count):
    """Plain BPE training over the byte-encoded corpus words, with CLIP's </w> end-of-word marker."""
    encoder = bytes_to_unicode()
    vocab = Counter()
    for word in words:
        symbols = [encoder[b] for b in word.lower().encode("utf-8")]
        symbols[-1] += "</w>"
        vocab[tuple(symbols)] += 1
    merges = []
    for _ in range(count):
        pairs = Counter()
        for symbols, freq in vocab.items():
            for a, b in zip(symbols, symbols[1:]):
                pairs[(a, b)] += freq
        if not pairs:
            break
        best = max(sorted(pairs), key=lambda p: pairs[p])
        merges.append(best)
        merged = Counter()
        for symbols, freq in vocab.items():
            out, i = [], 0
            while i < len(symbols):
                if i + 1 < len(symbols) and (symbols[i], symbols[i + 1]) == best:
                    out.append(symbols[i] + symbols[i + 1])
                    i += 2
                else:
                    out.append(symbols[i])
                    i += 1
            merged[tuple(out)] += freq
        vocab = merged
    return merges


def write_tokenizer(folder, merges):
    os.makedirs(folder, exist_ok=True)
    units = list(bytes_to_unicode().values())
    tokens = units + [u + "</w>" for u in units] + ["".join(m) for m in merges] + ["<|startoftext|>", "<|endoftext|>"]
    vocab = {}
    for t in tokens:
        vocab.setdefault(t, len(vocab))
    with open(os.path.join(folder, "vocab.json"), "w", encoding="utf-8") as f:
        json.dump(vocab, f, ensure_ascii=False)
    with open(os.path.join(folder, "merges.txt"), "w", encoding="utf-8") as f:
        f.write("#version: 0.2\n")
        for a, b in merges:
            f.write(f"{a} {b}\n")
    with open(os.path.join(folder, "tokenizer_config.json"), "w") as f:
        json.dump({"model_max_length": SEQ, "pad_token": "<|endoftext|>",
                   "bos_token": "<|startoftext|>", "eos_token": "<|endoftext|>"}, f)
    return len(vocab)


class TextEncoder(torch.nn.Module):
    def __init__(self, vocab_size, half):
        super().__init__()
        self.half_io = half
        self.token = torch.nn.Embedding(vocab_size, HIDDEN)
        self.position = torch.nn.Parameter(torch.randn(SEQ, HIDDEN) * 0.1)
        self.mix = torch.nn.Linear(HIDDEN, HIDDEN)
        self.norm = torch.nn.LayerNorm(HIDDEN)

    def forward(self, input_ids):
        x = self.token(input_ids.long()) + self.position[: input_ids.shape[1]]
        x = x + torch.tanh(self.mix(x))
        # a causal running mean lets every position see the tokens before it, as CLIP's causal mask does
        counts = torch.arange(1, x.shape[1] + 1, dtype=x.dtype).reshape(1, -1, 1)
        x = self.norm(torch.cumsum(x, dim=1) / counts)
        pooled = x[:, -1]
        if self.half_io:
            return x.half(), pooled.half()
        return x, pooled


class UNet(torch.nn.Module):
    def __init__(self, half):
        super().__init__()
        self.half_io = half
        self.inp = torch.nn.Conv2d(4, 16, 3, padding=1)
        self.mid = torch.nn.Conv2d(16, 16, 3, padding=1)
        self.out = torch.nn.Conv2d(16, 4, 3, padding=1)
        self.time = torch.nn.Linear(16, 16)
        self.context = torch.nn.Linear(HIDDEN, 16)
        self.frequencies = torch.exp(-math.log(10000) * torch.arange(8, dtype=torch.float32) / 8)

    def forward(self, sample, timestep, encoder_hidden_states):
        x = sample.float()
        t = timestep.float().reshape(-1, 1) * self.frequencies.reshape(1, -1)
        t = self.time(torch.cat([torch.sin(t), torch.cos(t)], dim=1))
        c = self.context(encoder_hidden_states.float().mean(dim=1))
        h = torch.nn.functional.silu(self.inp(x) + (t + c)[:, :, None, None])
        h = torch.nn.functional.silu(self.mid(h))
        y = torch.tanh(self.out(h))
        return y.half() if self.half_io else y


def mixing_matrix():
    m = torch.randn(4, 3)
    return m, torch.linalg.pinv(m)


class VaeEncoder(torch.nn.Module):
    def __init__(self, m, parameters, half):
        super().__init__()
        self.m = m
        self.parameters_out = parameters
        self.half_io = half

    def forward(self, sample):
        pooled = torch.nn.functional.avg_pool2d(sample.float(), 8)
        mean = torch.einsum("kc,bchw->bkhw", self.m, pooled)
        out = torch.cat([mean, torch.full_like(mean, -3.0)], dim=1) if self.parameters_out else mean
        return out.half() if self.half_io else out


class VaeDecoder(torch.nn.Module):
    def __init__(self, m_inv, half):
        super().__init__()
        self.m_inv = m_inv
        self.half_io = half

    def forward(self, latent_sample):
        rgb = torch.einsum("ck,bkhw->bchw", self.m_inv, latent_sample.float())
        y = torch.clamp(torch.nn.functional.interpolate(rgb, scale_factor=8, mode="nearest"), -1, 1)
        return y.half() if self.half_io else y


def export(module, args, path, inputs, outputs, axes):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    torch.onnx.export(module, args, path, input_names=inputs, output_names=outputs, dynamic_axes=axes,
                      opset_version=14, do_constant_folding=True)


def externalize(path):
    """Moves every initializer of an ONNX file into model.onnx_data beside it."""
    model = onnx.load(path)
    onnx.save_model(model, path, save_as_external_data=True, all_tensors_to_one_file=True,
                    location="model.onnx_data", size_threshold=0)


def write_json(path, value):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        json.dump(value, f, indent=2, sort_keys=True)


def build(root, name, merges, ids_type, timestep, latent_parameters, half, scaling, with_encoder=True,
          external_unet=False):
    folder = os.path.join(root, name)
    vocab_size = write_tokenizer(os.path.join(folder, "tokenizer"), merges)
    ftype = torch.float16 if half else torch.float32
    ids = torch.zeros(1, SEQ, dtype=ids_type)
    export(TextEncoder(vocab_size, half).eval(), (ids,), os.path.join(folder, "text_encoder/model.onnx"),
           ["input_ids"], ["last_hidden_state", "pooler_output"], {"input_ids": {0: "batch"}})
    ts_dtype, ts_shape = timestep
    ts = torch.full(ts_shape, 500, dtype=ts_dtype)
    axes = {"sample": {0: "batch", 2: "height", 3: "width"}, "encoder_hidden_states": {0: "batch"},
            "out_sample": {0: "batch", 2: "height", 3: "width"}}
    if ts_shape == (2,):
        axes["timestep"] = {0: "batch"}
    sample = torch.zeros(2, 4, 8, 8, dtype=ftype)
    hidden = torch.zeros(2, SEQ, HIDDEN, dtype=ftype)
    export(UNet(half).eval(), (sample, ts, hidden), os.path.join(folder, "unet/model.onnx"),
           ["sample", "timestep", "encoder_hidden_states"], ["out_sample"], axes)
    if external_unet:
        externalize(os.path.join(folder, "unet/model.onnx"))
    m, m_inv = mixing_matrix()
    image_axes = {0: "batch", 2: "height", 3: "width"}
    if with_encoder:
        out_name = "latent_parameters" if latent_parameters else "latent_sample"
        export(VaeEncoder(m, latent_parameters, half).eval(), (torch.zeros(1, 3, 64, 64, dtype=ftype),),
               os.path.join(folder, "vae_encoder/model.onnx"), ["sample"], [out_name],
               {"sample": image_axes, out_name: image_axes})
        write_json(os.path.join(folder, "vae_encoder/config.json"), {"scaling_factor": scaling})
    export(VaeDecoder(m_inv, half).eval(), (torch.zeros(1, 4, 8, 8, dtype=ftype),),
           os.path.join(folder, "vae_decoder/model.onnx"), ["latent_sample"], ["sample"],
           {"latent_sample": image_axes, "sample": image_axes})
    write_json(os.path.join(folder, "vae_decoder/config.json"), {"scaling_factor": scaling})
    write_json(os.path.join(folder, "unet/config.json"), {"sample_size": 8})
    write_json(os.path.join(folder, "scheduler/scheduler_config.json"), {
        "_class_name": "EulerAncestralDiscreteScheduler", "_diffusers_version": "0.30.0",
        "beta_end": 0.012, "beta_schedule": "scaled_linear", "beta_start": 0.00085,
        "num_train_timesteps": 1000, "prediction_type": "epsilon", "steps_offset": 1,
        "timestep_spacing": "leading"})
    write_json(os.path.join(folder, "model_index.json"), {
        "_class_name": "OnnxStableDiffusionPipeline", "_diffusers_version": "0.30.0",
        "text_encoder": ["diffusers", "OnnxRuntimeModel"], "unet": ["diffusers", "OnnxRuntimeModel"],
        "vae_decoder": ["diffusers", "OnnxRuntimeModel"], "tokenizer": ["transformers", "CLIPTokenizer"],
        "scheduler": ["diffusers", "EulerAncestralDiscreteScheduler"],
        "artmint": {"name": name, "default_steps": 6, "default_guidance": 5.0, "width": 64, "height": 64,
                    "scheduler": "euler_a"}})


def main():
    root = sys.argv[1]
    merges = learn_merges(CORPUS, 200)
    build(root, "tiny", merges, torch.int32, (torch.int64, (2,)), False, False, 0.18215)
    build(root, "tiny-float-timestep", merges, torch.int64, (torch.float32, (1,)), True, False, 0.13025,
          external_unet=True)
    build(root, "tiny-scalar-timestep", merges, torch.int64, (torch.float32, ()), False, False, 0.18215,
          with_encoder=False)
    build(root, "tiny-fp16", merges, torch.int32, (torch.float16, (2,)), False, True, 0.18215)


if __name__ == "__main__":
    main()
