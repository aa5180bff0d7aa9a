"""Measure prompt adherence of artmint-tiny on held-out attribute combinations.

Samples with an Euler-ancestral implementation written here (diffusers'
EulerAncestralDiscreteScheduler with timestep_spacing "leading", steps_offset 1),
20 steps, classifier-free guidance, from the trained torch modules (EMA weights,
the same weights export.py writes to ONNX; onnxruntime is not importable in
Debian's Python here). Prompts come only from (colour, shape, scene) triples that
never occur in training; the same attribute tuples are rendered as English and
as Chinese prompts and scored separately.

Scores per image:
  object colour: median RGB inside the named shape's mask at the named position
                 (eroded 3 px), nearest of the 10 palette colours == named colour
  background colour: median RGB of the ground area outside the object's box,
                 nearest palette colour == named background colour
  shape: a small CNN trained on generator renders (train split) classifies a
         128x128 crop around the named position into the 8 shapes/objects
The same scoring applied to the generator's own renders of the prompts is
reported as the metric's ceiling.

    nice -n 10 /usr/bin/python3 models/training/evaluate.py --n 100
"""
import argparse
import json
import os
import random
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from PIL import Image, ImageFilter

from artmint_data import (COLOUR_NAMES, COLOURS, HORIZON, POSITIONS, SHAPE_NAMES, caption_en, caption_zh,
                          render, sample, sample_attributes, shape_mask)
from clip_tokenizer import ClipTokenizer
from export import load
from nets import alphas_cumprod

WORK = os.environ.get("ARTMINT_WORK", "/tmp/artmint-work")
HERE = os.path.dirname(os.path.abspath(__file__))
MODEL_DIR = os.path.join(HERE, "..", "artmint-tiny")
PALETTE = np.array([COLOURS[c][0] for c in COLOUR_NAMES], np.float32)


# ------------------------------------------------------------------ sampler

class EulerAncestral:
    def __init__(self, steps):
        ac = alphas_cumprod().numpy()
        ratio = 1000 // steps
        self.timesteps = (np.arange(0, steps) * ratio).round()[::-1].astype(np.int64) + 1  # leading + offset 1
        sigmas = np.sqrt((1 - ac) / ac)
        s = np.interp(self.timesteps, np.arange(len(sigmas)), sigmas)
        self.sigmas = np.concatenate([s, [0.0]]).astype(np.float32)
        self.init_noise_sigma = float(np.sqrt(self.sigmas.max() ** 2 + 1))


@torch.no_grad()
def generate(te, unet, dec, tok, prompts, seed, steps=20, guidance=5.0, scale=1.0):
    sched = EulerAncestral(steps)
    b = len(prompts)
    g = torch.Generator().manual_seed(seed)
    ids = torch.tensor([tok(p) for p in prompts] + [tok("")] * b, dtype=torch.int32)
    ctx, _ = te(ids)
    x = torch.randn(b, 4, 32, 32, generator=g) * sched.init_noise_sigma
    for i, t in enumerate(sched.timesteps):
        sigma, sigma_next = float(sched.sigmas[i]), float(sched.sigmas[i + 1])
        inp = torch.cat([x, x]) / np.sqrt(sigma ** 2 + 1)
        eps = unet(inp, torch.full((2 * b,), int(t), dtype=torch.int64), ctx)
        eps = eps[b:] + guidance * (eps[:b] - eps[b:])
        x0 = x - sigma * eps
        sigma_up = np.sqrt(sigma_next ** 2 * (sigma ** 2 - sigma_next ** 2) / sigma ** 2)
        sigma_down = np.sqrt(sigma_next ** 2 - sigma_up ** 2)
        x = x + (x - x0) / sigma * (sigma_down - sigma)
        if sigma_next > 0:
            x = x + torch.randn(x.shape, generator=g) * sigma_up
    img = dec(x / scale).clamp(-1, 1)
    return ((img + 1) * 127.5).round().byte().permute(0, 2, 3, 1).numpy()


# ------------------------------------------------------------------ scoring

def nearest_colour(rgb):
    return COLOUR_NAMES[int(np.argmin(((PALETTE - rgb[None]) ** 2).sum(1)))]


def object_colour(img, a):
    cx, cy = POSITIONS[a["position"]][2]
    m = shape_mask(a["shape"], cx, cy, 88).filter(ImageFilter.MinFilter(7))
    m = np.asarray(m) > 127
    return nearest_colour(np.median(img[m].astype(np.float32), axis=0))


def background_colour(img, a):
    cx, cy = POSITIONS[a["position"]][2]
    m = np.zeros(img.shape[:2], bool)
    m[HORIZON + 12:] = True
    m[max(0, cy - 56):cy + 56, max(0, cx - 56):cx + 56] = False
    return nearest_colour(np.median(img[m].astype(np.float32), axis=0))


def crop_object(img, a):
    cx, cy = POSITIONS[a["position"]][2]
    p = np.pad(img, ((64, 64), (64, 64), (0, 0)), mode="edge")
    c = p[cy:cy + 128, cx:cx + 128]
    return np.asarray(Image.fromarray(c).resize((64, 64), Image.BOX))


class ShapeClassifier(nn.Module):
    def __init__(self):
        super().__init__()
        layers, cin = [], 3
        for cout in (32, 64, 96, 128):
            layers += [nn.Conv2d(cin, cout, 3, stride=2, padding=1), nn.BatchNorm2d(cout), nn.ReLU()]
            cin = cout
        self.f = nn.Sequential(*layers)
        self.fc = nn.Linear(128, len(SHAPE_NAMES))

    def forward(self, x):
        return self.fc(self.f(x).mean(dim=(2, 3)))


def to_t(batch):
    return torch.from_numpy(np.stack(batch)).permute(0, 3, 1, 2).float() / 127.5 - 1


def train_shape_classifier(n=6000, epochs=4):
    path = os.path.join(WORK, "shape_clf.pt")
    clf = ShapeClassifier()
    if os.path.exists(path):
        clf.load_state_dict(torch.load(path))
        return clf.eval()
    rng = random.Random(7)
    xs, ys = [], []
    for i in range(n):
        img, _, a = sample(30_000_000 + i)
        if rng.random() < 0.5:
            img = np.asarray(Image.fromarray(img).filter(ImageFilter.GaussianBlur(rng.uniform(0.5, 2.5))))
        xs.append(crop_object(img, a))
        ys.append(SHAPE_NAMES.index(a["shape"]))
    x, y = to_t(xs), torch.tensor(ys)
    opt = torch.optim.Adam(clf.parameters(), 2e-3)
    for ep in range(epochs):
        perm = torch.randperm(n)
        for s in range(0, n, 64):
            j = perm[s:s + 64]
            loss = F.cross_entropy(clf(x[j]), y[j])
            opt.zero_grad()
            loss.backward()
            opt.step()
        print(f"shape classifier epoch {ep} loss {loss.item():.3f}", flush=True)
    torch.save(clf.state_dict(), path)
    return clf.eval()


@torch.no_grad()
def score(images, attrs, clf):
    shapes = clf(to_t([crop_object(im, a) for im, a in zip(images, attrs)])).argmax(1).tolist()
    rows = []
    for im, a, s in zip(images, attrs, shapes):
        rows.append({"object_colour": object_colour(im, a) == a["colour"],
                     "background_colour": background_colour(im, a) == a["bg_colour"],
                     "shape": SHAPE_NAMES[s] == a["shape"]})
    return rows


def summarise(rows):
    n = len(rows)
    obj = sum(r["object_colour"] for r in rows) / n
    bg = sum(r["background_colour"] for r in rows) / n
    return {"n": n, "colour_object_pct": round(100 * obj, 1), "colour_background_pct": round(100 * bg, 1),
            "colour_pct": round(100 * (obj + bg) / 2, 1),
            "colour_both_pct": round(100 * sum(r["object_colour"] and r["background_colour"] for r in rows) / n, 1),
            "shape_pct": round(100 * sum(r["shape"] for r in rows) / n, 1)}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=100, help="held-out attribute tuples (each scored in EN and in ZH)")
    ap.add_argument("--steps", type=int, default=20)
    ap.add_argument("--guidance", type=float, default=5.0)
    ap.add_argument("--batch", type=int, default=25)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--classifier-images", type=int, default=6000)
    ap.add_argument("--out", default=os.path.join(MODEL_DIR, "eval_results.json"))
    ap.add_argument("--grid", default=os.path.join(MODEL_DIR, "samples", "heldout_grid.png"))
    ap.add_argument("--split", choices=("heldout", "train"), default="heldout",
                    help="train: combinations seen in training, a diagnostic only")
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    t0 = time.time()
    enc, dec, te, unet, info, ck = load(WORK)
    scale = info["scaling_factor"]
    tok = ClipTokenizer(os.path.join(MODEL_DIR, "tokenizer"))
    clf = train_shape_classifier(args.classifier_images)

    rng = random.Random(2026)
    attrs = [sample_attributes(rng, held_out=args.split == "heldout") for _ in range(args.n)]
    gt = [render(a, random.Random(i))[0] for i, a in enumerate(attrs)]
    result = {"split": args.split, "held_out_tuples": args.n, "steps": args.steps, "guidance": args.guidance, "scheduler": "euler_a",
              "weights": f"torch EMA weights, step {ck['step']}",
              "ground_truth_renders": summarise(score(gt, attrs, clf))}
    with torch.no_grad():
        recon = [((dec(enc(to_t(gt[i:i + 10]))).clamp(-1, 1) + 1) * 127.5).round().byte().permute(0, 2, 3, 1).numpy()
                 for i in range(0, len(gt), 10)]
    result["vae_reconstructions"] = summarise(score(list(np.concatenate(recon)), attrs, clf))
    print(json.dumps(result), flush=True)

    samples = {}
    for lang, cap in (("en", caption_en), ("zh", caption_zh)):
        imgs = []
        for s in range(0, args.n, args.batch):
            chunk = attrs[s:s + args.batch]
            imgs.extend(generate(te, unet, dec, tok, [cap(a) for a in chunk], seed=1000 + s,
                                 steps=args.steps, guidance=args.guidance, scale=scale))
            print(f"{lang} {len(imgs)}/{args.n} {time.time() - t0:.0f}s", flush=True)
        rows = score(imgs, attrs, clf)
        result[lang] = summarise(rows)
        samples[lang] = imgs
        print(lang, json.dumps(result[lang]), flush=True)
    result["eval_seconds"] = round(time.time() - t0)

    os.makedirs(os.path.dirname(os.path.abspath(args.grid)), exist_ok=True)
    k = min(8, args.n)
    grid = np.concatenate([np.concatenate(gt[:k], 1), np.concatenate(samples["en"][:k], 1),
                           np.concatenate(samples["zh"][:k], 1)], 0)
    Image.fromarray(grid).resize((grid.shape[1] // 2, grid.shape[0] // 2), Image.BOX).save(args.grid)
    result["grid_prompts_en"] = [caption_en(a) for a in attrs[:k]]
    result["grid_prompts_zh"] = [caption_zh(a) for a in attrs[:k]]
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(result, f, indent=2, ensure_ascii=False)
        f.write("\n")
    print(json.dumps(result, ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main()
