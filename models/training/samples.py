"""Render the model card's sample grid: each prompt in English (top row) and Chinese (bottom row).

    nice -n 10 /usr/bin/python3 models/training/samples.py
"""
import os

import numpy as np
import torch
from PIL import Image

from clip_tokenizer import ClipTokenizer
from evaluate import MODEL_DIR, WORK, generate
from export import load

PROMPTS = [
    ("a red circle above a blue sea at sunset, watercolor", "夕阳下蓝色大海上方的红色圆形,水彩"),
    ("a yellow star on the left of a purple desert at night, flat", "夜晚紫色沙漠左边的黄色星星,扁平风格"),
    ("a white house in front of a green forest, pixel art", "绿色森林前面的白色房子,像素画"),
    ("a pink heart on the right of a black city, 3d render", "黑色城市右边的粉色心形,三维渲染"),
    ("a green tree in front of an orange field at sunset, flat", "夕阳下橙色田野前面的绿色树,扁平风格"),
    ("a blue moon above a white mountain at night, watercolor", "夜晚白色山脉上方的蓝色月亮,水彩"),
]


def main():
    torch.set_num_threads(2)
    _, dec, te, unet, info, _ = load(WORK)
    tok = ClipTokenizer(os.path.join(MODEL_DIR, "tokenizer"))
    en = generate(te, unet, dec, tok, [p[0] for p in PROMPTS], seed=42, scale=info["scaling_factor"])
    zh = generate(te, unet, dec, tok, [p[1] for p in PROMPTS], seed=42, scale=info["scaling_factor"])
    grid = np.concatenate([np.concatenate(list(en), 1), np.concatenate(list(zh), 1)], 0)
    os.makedirs(os.path.join(MODEL_DIR, "samples"), exist_ok=True)
    path = os.environ.get("ARTMINT_GRID", os.path.join(MODEL_DIR, "samples", "prompts_grid.png"))
    Image.fromarray(grid).save(path)
    print("wrote", path)


if __name__ == "__main__":
    main()
