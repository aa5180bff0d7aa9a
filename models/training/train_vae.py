"""Stage 1: train the VAE (256x256x3 <-> 32x32x4) on random crops of generator images.

The encoder outputs the latent mean; training adds fixed Gaussian noise to it
(sigma 0.1) and penalises its magnitude, which is a VAE with a fixed posterior
variance: the decoder learns to tolerate the imprecise latents a diffusion model
produces. At the end the latent std over full-size images gives scaling_factor.

    nice -n 10 /usr/bin/python3 models/training/train_vae.py --minutes 14
"""
import argparse
import json
import os
import random
import time

import numpy as np
import torch
import torch.nn.functional as F

from artmint_data import sample
from nets import VAEDecoder, VAEEncoder, count_params

WORK = os.environ.get("ARTMINT_WORK", "/tmp/artmint-work")


def make_images(n, seed0):
    imgs = np.zeros((n, 256, 256, 3), np.uint8)
    for i in range(n):
        imgs[i] = sample(seed0 + i)[0]
    return imgs


def to_tensor(u8):
    return torch.from_numpy(u8).permute(0, 3, 1, 2).float() / 127.5 - 1.0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--minutes", type=float, default=14)
    ap.add_argument("--images", type=int, default=3000)
    ap.add_argument("--crop", type=int, default=64)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    os.makedirs(WORK, exist_ok=True)
    ckpt_path = os.path.join(WORK, "vae.pt")

    t0 = time.time()
    imgs = make_images(args.images, 10_000_000)
    print(f"rendered {len(imgs)} images in {time.time() - t0:.0f}s", flush=True)

    enc, dec = VAEEncoder(), VAEDecoder()
    print(f"encoder {count_params(enc)} params, decoder {count_params(dec)} params", flush=True)
    opt = torch.optim.AdamW(list(enc.parameters()) + list(dec.parameters()), lr=args.lr, weight_decay=0.0)
    step, spent = 0, 0.0
    if os.path.exists(ckpt_path):
        ck = torch.load(ckpt_path)
        enc.load_state_dict(ck["enc"]), dec.load_state_dict(ck["dec"]), opt.load_state_dict(ck["opt"])
        step, spent = ck["step"], ck["spent"]
        print(f"resumed at step {step}, {spent / 60:.1f} min spent", flush=True)

    rng = random.Random(step)
    budget = args.minutes * 60
    c = args.crop
    t_start = time.time() - spent
    while time.time() - t_start < budget:
        frac = (time.time() - t_start) / budget
        for g in opt.param_groups:
            g["lr"] = args.lr * (0.5 * (1 + np.cos(np.pi * frac)) * 0.9 + 0.1)
        batch = np.empty((args.batch, c, c, 3), np.uint8)
        for b in range(args.batch):
            i = rng.randrange(len(imgs))
            y, x = rng.randrange(0, 257 - c, 8), rng.randrange(0, 257 - c, 8)
            batch[b] = imgs[i, y:y + c, x:x + c]
        x = to_tensor(batch)
        with torch.autocast("cpu", dtype=torch.bfloat16):
            z = enc(x)
            zn = z + 0.1 * torch.randn_like(z.float())
            rec = dec(zn)
        rec, z = rec.float(), z.float()
        l1 = F.l1_loss(rec, x)
        loss = l1 + 0.5 * F.mse_loss(rec, x) + 1e-3 * z.pow(2).mean()
        opt.zero_grad(set_to_none=True)
        loss.backward()
        opt.step()
        step += 1
        if step % 50 == 0:
            print(f"step {step} t={time.time() - t_start:.0f}s l1={l1.item():.4f} z_std={z.std().item():.3f} "
                  f"lr={opt.param_groups[0]['lr']:.2e}", flush=True)
        if step % 200 == 0:
            torch.save({"enc": enc.state_dict(), "dec": dec.state_dict(), "opt": opt.state_dict(), "step": step,
                        "spent": time.time() - t_start}, ckpt_path)
    spent = time.time() - t_start
    torch.save({"enc": enc.state_dict(), "dec": dec.state_dict(), "opt": opt.state_dict(), "step": step,
                "spent": spent}, ckpt_path)

    # scaling factor from full-size images, fp32 (as inference runs)
    enc.eval()
    with torch.no_grad():
        zs = torch.cat([enc(to_tensor(imgs[i:i + 16])) for i in range(0, 256, 16)])
        rec = torch.cat([dec(enc(to_tensor(imgs[i:i + 8]))) for i in range(0, 32, 8)])
    std = zs.std().item()
    full_l1 = F.l1_loss(rec, to_tensor(imgs[:32])).item()
    info = {"scaling_factor": 1.0 / std, "latent_std": std, "latent_mean": zs.mean().item(),
            "full_image_l1": full_l1, "steps": step, "train_seconds": spent, "crop": c, "batch": args.batch}
    with open(os.path.join(WORK, "vae_info.json"), "w") as f:
        json.dump(info, f, indent=2)
    print(json.dumps(info), flush=True)
    from PIL import Image
    grid = np.concatenate([imgs[:4].reshape(-1, 256, 3),
                           ((rec[:4].clamp(-1, 1) + 1) * 127.5).round().byte().permute(0, 2, 3, 1).numpy().reshape(-1, 256, 3)], 1)
    Image.fromarray(grid).save(os.path.join(WORK, "vae_recon.png"))


if __name__ == "__main__":
    main()
