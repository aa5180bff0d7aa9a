"""Stage 2: train the text encoder and the UNet jointly on cached VAE latents.

Epsilon prediction on the scaled_linear DDPM schedule of scheduler_config.json
(1000 steps, betas 0.00085..0.012), min-SNR-5 loss weighting, 10% empty prompts
for classifier-free guidance, bf16 autocast on the CPU, EMA weights exported.
Each image is paired with its English and its Chinese captions (two templates
each); one is drawn per step. Held-out (colour, shape, scene) triples never
appear (artmint_data.is_held_out).

    nice -n 10 /usr/bin/python3 models/training/train_unet.py --images 12000 --minutes 60
"""
import argparse
import copy
import json
import os
import time

import numpy as np
import torch
import torch.nn.functional as F

from artmint_data import caption_en, caption_zh, sample
from clip_tokenizer import ClipTokenizer
from nets import TextEncoder, UNet, VAEEncoder, alphas_cumprod, count_params

WORK = os.environ.get("ARTMINT_WORK", "/tmp/artmint-work")
HERE = os.path.dirname(os.path.abspath(__file__))
TOKENIZER_DIR = os.path.join(HERE, "..", "artmint-tiny", "tokenizer")
UNET_CHANNELS = (48, 96, 160)
TEXT_WIDTH, TEXT_LAYERS, TEXT_HEADS = 128, 3, 4


def build_models(vocab_size):
    te = TextEncoder(vocab_size, 77, TEXT_WIDTH, TEXT_LAYERS, TEXT_HEADS)
    unet = UNet(UNET_CHANNELS, ctx_dim=TEXT_WIDTH)
    return te, unet


def build_dataset(n, tok, path):
    """Render n training images, encode them with the frozen VAE encoder, tokenise all captions."""
    vae = torch.load(os.path.join(WORK, "vae.pt"))
    enc = VAEEncoder()
    enc.load_state_dict(vae["enc"])
    enc.eval()
    latents = torch.empty(n, 4, 32, 32, dtype=torch.float16)
    ids = torch.empty(n, 4, tok.model_max_length, dtype=torch.int32)
    attrs = []
    t0 = time.time()
    bs = 32
    for s in range(0, n, bs):
        imgs = []
        for i in range(s, min(n, s + bs)):
            img, _, a = sample(20_000_000 + i)
            imgs.append(img)
            attrs.append(a)
            ids[i] = torch.tensor([tok(caption_en(a, 0)), tok(caption_en(a, 1)),
                                   tok(caption_zh(a, 0)), tok(caption_zh(a, 1))])
        x = torch.from_numpy(np.stack(imgs)).permute(0, 3, 1, 2).float() / 127.5 - 1.0
        with torch.no_grad(), torch.autocast("cpu", dtype=torch.bfloat16):
            latents[s:s + len(imgs)] = enc(x).float().half()
        if s % (bs * 20) == 0:
            print(f"dataset {s}/{n} {time.time() - t0:.0f}s", flush=True)
    torch.save({"latents": latents, "ids": ids, "attrs": attrs}, path)
    return latents, ids


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--images", type=int, default=12000)
    ap.add_argument("--minutes", type=float, default=60)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--lr", type=float, default=6e-4)
    ap.add_argument("--cfg-drop", type=float, default=0.1)
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    tok = ClipTokenizer(TOKENIZER_DIR)
    vae_info = json.load(open(os.path.join(WORK, "vae_info.json")))
    scale = vae_info["scaling_factor"]

    data_path = os.path.join(WORK, f"latents_{args.images}.pt")
    if os.path.exists(data_path):
        d = torch.load(data_path)
        latents, ids = d["latents"], d["ids"]
    else:
        latents, ids = build_dataset(args.images, tok, data_path)
    n = len(latents)
    empty = torch.tensor(tok(""), dtype=torch.int32)

    te, unet = build_models(len(tok.encoder))
    print(f"text encoder {count_params(te)} params, unet {count_params(unet)} params, scale {scale:.4f}", flush=True)
    params = list(te.parameters()) + list(unet.parameters())
    opt = torch.optim.AdamW(params, lr=args.lr, weight_decay=0.01)
    ema_te, ema_unet = copy.deepcopy(te), copy.deepcopy(unet)
    ac = alphas_cumprod().float()
    snr = ac / (1 - ac)
    weight = torch.clamp(snr, max=5.0) / snr  # min-SNR-5 for epsilon prediction

    ckpt_path = os.path.join(WORK, "unet.pt")
    step, spent = 0, 0.0
    if os.path.exists(ckpt_path):
        ck = torch.load(ckpt_path)
        te.load_state_dict(ck["te"]), ema_te.load_state_dict(ck["ema_te"])
        missing = unet.load_state_dict(ck["unet"], strict=False).missing_keys
        ema_unet.load_state_dict(ck["ema_unet"], strict=False)
        if missing:  # a checkpoint from before a layer was added: new layers start fresh, and so does AdamW
            print(f"checkpoint lacks {missing}; optimiser state restarts", flush=True)
        else:
            opt.load_state_dict(ck["opt"])
        step, spent = ck["step"], ck["spent"]
        print(f"resumed at step {step}, {spent / 60:.1f} min spent", flush=True)

    def save():
        torch.save({"te": te.state_dict(), "unet": unet.state_dict(), "opt": opt.state_dict(),
                    "ema_te": ema_te.state_dict(), "ema_unet": ema_unet.state_dict(), "step": step,
                    "spent": time.time() - t_start, "vocab_size": len(tok.encoder), "scaling_factor": scale,
                    "unet_channels": UNET_CHANNELS, "text": [TEXT_WIDTH, TEXT_LAYERS, TEXT_HEADS]}, ckpt_path)

    first_step = step  # warm up again after every resume: AdamW's moments may be fresh
    g = torch.Generator().manual_seed(step)
    budget = args.minutes * 60
    t_start = time.time() - spent
    loss_avg = None
    while time.time() - t_start < budget:
        frac = (time.time() - t_start) / budget
        lr = args.lr * min(1.0, (step + 1 - first_step) / 100) * (0.1 + 0.9 * 0.5 * (1 + np.cos(np.pi * frac)))
        for pg in opt.param_groups:
            pg["lr"] = lr
        idx = torch.randint(0, n, (args.batch,), generator=g)
        x0 = latents[idx].float() * scale
        cap = torch.randint(0, 4, (args.batch,), generator=g)
        tokens = ids[idx, cap].clone()
        drop = torch.rand(args.batch, generator=g) < args.cfg_drop
        tokens[drop] = empty
        t = torch.randint(0, 1000, (args.batch,), generator=g)
        noise = torch.randn(x0.shape, generator=g)
        a = ac[t][:, None, None, None]
        xt = a.sqrt() * x0 + (1 - a).sqrt() * noise
        with torch.autocast("cpu", dtype=torch.bfloat16):
            ctx, _ = te(tokens)
            pred = unet(xt, t, ctx)
        per = F.mse_loss(pred.float(), noise, reduction="none").mean(dim=(1, 2, 3))
        loss = (per * weight[t]).mean()
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(params, 1.0)
        opt.step()
        step += 1
        decay = min(0.999, (1 + step) / (10 + step))
        with torch.no_grad():
            for ema, live in ((ema_te, te), (ema_unet, unet)):
                for pe, pl in zip(ema.parameters(), live.parameters()):
                    pe.mul_(decay).add_(pl.detach(), alpha=1 - decay)
        loss_avg = loss.item() if loss_avg is None else 0.98 * loss_avg + 0.02 * loss.item()
        if step % 25 == 0:
            el = time.time() - t_start
            print(f"step {step} t={el:.0f}s loss={loss_avg:.4f} lr={lr:.2e} "
                  f"{step * args.batch / max(el, 1):.1f} samples/s", flush=True)
        if step % 100 == 0:
            save()
    save()
    print(f"done: {step} steps in {(time.time() - t_start) / 60:.1f} min", flush=True)


if __name__ == "__main__":
    main()
