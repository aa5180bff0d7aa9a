"""Procedural captioned image generator for artmint-tiny.

Every image is a scene (sky + coloured ground of one of 6 scene types, optional
time of day) with one coloured shape/object at one of 4 positions, rendered in
one of 4 styles. English and Chinese captions are produced from the SAME
attribute tuple, so a held-out attribute combination is held out in both
languages. The renderer also returns the object's ground-truth mask, which the
evaluation uses to train its shape classifier.
"""
import hashlib
import math
import random

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

SIZE = 256
HORIZON = 100  # first ground row; the sky is above

COLOURS = {  # name: (rgb, chinese)
    "red": ((215, 30, 35), "红色"),
    "orange": ((245, 135, 20), "橙色"),
    "yellow": ((245, 220, 40), "黄色"),
    "green": ((40, 165, 55), "绿色"),
    "blue": ((35, 75, 215), "蓝色"),
    "purple": ((135, 45, 175), "紫色"),
    "pink": ((245, 130, 185), "粉色"),
    "brown": ((125, 75, 35), "棕色"),
    "white": ((245, 245, 245), "白色"),
    "black": ((22, 22, 25), "黑色"),
}
COLOUR_NAMES = list(COLOURS)

SHAPES = {
    "circle": "圆形",
    "square": "正方形",
    "triangle": "三角形",
    "star": "星星",
    "heart": "心形",
    "moon": "月亮",
    "tree": "树",
    "house": "房子",
}
SHAPE_NAMES = list(SHAPES)

SCENES = {
    "sea": "大海",
    "desert": "沙漠",
    "forest": "森林",
    "city": "城市",
    "mountain": "山脉",
    "field": "田野",
}
SCENE_NAMES = list(SCENES)

TIMES = {  # english suffix, chinese prefix
    "day": ("", ""),
    "sunset": (" at sunset", "夕阳下"),
    "night": (" at night", "夜晚"),
}
TIME_NAMES = list(TIMES)

POSITIONS = {  # english preposition, chinese postposition, object centre
    "above": ("above", "上方", (128, 56)),
    "left": ("on the left of", "左边", (66, 170)),
    "right": ("on the right of", "右边", (190, 170)),
    "front": ("in front of", "前面", (128, 170)),
}
POSITION_NAMES = list(POSITIONS)

STYLES = {
    "flat": "扁平风格",
    "watercolor": "水彩",
    "pixel art": "像素画",
    "3d render": "三维渲染",
}
STYLE_NAMES = list(STYLES)


def is_held_out(colour, shape, scene):
    """A fixed ~12% of (object colour, shape, scene) triples never appear in training."""
    h = hashlib.sha256(f"{colour}|{shape}|{scene}".encode()).digest()
    return h[0] < 31


def sample_attributes(rng, held_out):
    """Draw a random attribute dict from the training split (held_out=False) or the held-out split."""
    while True:
        a = {
            "colour": rng.choice(COLOUR_NAMES),
            "shape": rng.choice(SHAPE_NAMES),
            "scene": rng.choice(SCENE_NAMES),
            "bg_colour": rng.choice(COLOUR_NAMES),
            "time": rng.choice(TIME_NAMES),
            "position": rng.choice(POSITION_NAMES),
            "style": rng.choice(STYLE_NAMES),
        }
        if a["bg_colour"] == a["colour"]:
            continue
        if is_held_out(a["colour"], a["shape"], a["scene"]) == held_out:
            return a


def _article(word):
    return "an" if word[0] in "aeiou" else "a"


def caption_en(a, variant=0):
    prep = POSITIONS[a["position"]][0]
    time = TIMES[a["time"]][0]
    body = (f"{_article(a['colour'])} {a['colour']} {a['shape']} {prep} "
            f"{_article(a['bg_colour'])} {a['bg_colour']} {a['scene']}{time}")
    if variant == 1:
        return f"{a['style']} of {body}"
    return f"{body}, {a['style']}"


def caption_zh_segments(a, variant=0):
    """Chinese caption as its word segments (the tokenizer trainer keeps merges inside words)."""
    body = [TIMES[a["time"]][1], COLOURS[a["bg_colour"]][1], SCENES[a["scene"]], POSITIONS[a["position"]][1],
            "的", COLOURS[a["colour"]][1], SHAPES[a["shape"]]]
    body = [w for w in body if w]
    if variant == 1:
        return [STYLES[a["style"]], ":"] + body
    return body + [",", STYLES[a["style"]]]


def caption_zh(a, variant=0):
    return "".join(caption_zh_segments(a, variant))


def random_caption(rng, a):
    """Training caption: English or Chinese, with a little template variety."""
    variant = 1 if rng.random() < 0.2 else 0
    if rng.random() < 0.5:
        return caption_en(a, variant)
    return caption_zh(a, variant)


# ---------------------------------------------------------------- rendering

def _mix(c, other, t):
    return tuple(int(round(c[i] * (1 - t) + other[i] * t)) for i in range(3))


def _shade(c, t):
    """t>0 lightens, t<0 darkens; kept small so the colour keeps its name."""
    return _mix(c, (255, 255, 255), t) if t > 0 else _mix(c, (0, 0, 0), -t)


def _sky(draw_arr, time, rng):
    y = np.linspace(0, 1, HORIZON + 40)[:, None]
    if time == "day":
        top, bottom = np.array([120, 180, 235]), np.array([200, 228, 248])
    elif time == "sunset":
        top, bottom = np.array([120, 60, 140]), np.array([250, 150, 70])
    else:
        top, bottom = np.array([5, 8, 30]), np.array([25, 35, 80])
    grad = top[None, :] * (1 - y) + bottom[None, :] * y
    draw_arr[: HORIZON + 40] = grad[:, None, :]
    if time == "night":
        for _ in range(25):
            sx, sy = rng.randrange(SIZE), rng.randrange(HORIZON)
            draw_arr[sy:sy + 2, sx:sx + 2] = 230


def _ground(img, scene, c, rng):
    d = ImageDraw.Draw(img)
    light, dark = _shade(c, 0.18), _shade(c, -0.18)
    d.rectangle([0, HORIZON, SIZE, SIZE], fill=c)
    if scene == "sea":
        phase = rng.random() * 6.28
        for k, y0 in enumerate(range(HORIZON + 10, SIZE, 18)):
            pts = [(x, y0 + 3 * math.sin(x / 12 + phase + k)) for x in range(0, SIZE + 8, 8)]
            d.line(pts, fill=light if k % 2 == 0 else dark, width=3)
    elif scene == "desert":
        for k in range(3):
            base = HORIZON + 25 + 45 * k
            amp, ph = 10 + rng.random() * 8, rng.random() * 6.28
            pts = [(x, base + amp * math.sin(x / 40 + ph)) for x in range(0, SIZE + 8, 8)]
            d.polygon(pts + [(SIZE, SIZE), (0, SIZE)], fill=[dark, c, light][k])
    elif scene == "forest":
        for row, y0 in enumerate(range(HORIZON + 6, SIZE + 20, 26)):
            off = rng.randrange(24)
            for x0 in range(-20 + off, SIZE + 20, 24):
                col = dark if (x0 // 24 + row) % 2 else light
                d.polygon([(x0, y0 - 24), (x0 - 11, y0 + 6), (x0 + 11, y0 + 6)], fill=col)
    elif scene == "city":
        x = -rng.randrange(20)
        while x < SIZE:
            w, h = rng.randrange(22, 40), rng.randrange(12, 40)
            col = dark if rng.random() < 0.5 else light
            d.rectangle([x, HORIZON - h, x + w - 3, SIZE], fill=col)
            for wy in range(HORIZON - h + 6, SIZE, 12):
                for wx in range(x + 4, x + w - 8, 9):
                    d.rectangle([wx, wy, wx + 3, wy + 4], fill=_shade(col, 0.3 if col == dark else -0.3))
            x += w
    elif scene == "mountain":
        for k in range(3):
            px = rng.randrange(-40, SIZE)
            h = rng.randrange(35, 70)
            d.polygon([(px - 90, HORIZON + 1), (px, HORIZON - h), (px + 90, HORIZON + 1)],
                      fill=[dark, light, c][k])
        d.rectangle([0, HORIZON, SIZE, SIZE], fill=c)
    elif scene == "field":
        for k in range(-10, 11):
            d.line([(128 + 6 * k, HORIZON), (128 + 40 * k, SIZE)], fill=dark if k % 2 else light, width=4)


def shape_mask(shape, cx, cy, s, scale=1):
    """Binary mask (PIL 'L') of the object, side ~s, centred at (cx, cy)."""
    n = SIZE * scale
    m = Image.new("L", (n, n), 0)
    d = ImageDraw.Draw(m)
    cx, cy, s = cx * scale, cy * scale, s * scale
    r = s / 2
    if shape == "circle":
        d.ellipse([cx - r, cy - r, cx + r, cy + r], fill=255)
    elif shape == "square":
        q = r * 0.86
        d.rectangle([cx - q, cy - q, cx + q, cy + q], fill=255)
    elif shape == "triangle":
        d.polygon([(cx, cy - r), (cx - r, cy + r * 0.8), (cx + r, cy + r * 0.8)], fill=255)
    elif shape == "star":
        pts = []
        for k in range(10):
            ang = -math.pi / 2 + k * math.pi / 5
            rr = r if k % 2 == 0 else r * 0.42
            pts.append((cx + rr * math.cos(ang), cy + 0.1 * r + rr * math.sin(ang)))
        d.polygon(pts, fill=255)
    elif shape == "heart":
        pts = []
        for k in range(64):
            t = 2 * math.pi * k / 64
            x = 16 * math.sin(t) ** 3
            y = 13 * math.cos(t) - 5 * math.cos(2 * t) - 2 * math.cos(3 * t) - math.cos(4 * t)
            pts.append((cx + x * r / 16.5, cy - y * r / 16.5 - 0.05 * r))
        d.polygon(pts, fill=255)
    elif shape == "moon":
        d.ellipse([cx - r, cy - r, cx + r, cy + r], fill=255)
        o = r * 0.45
        d.ellipse([cx - r + o, cy - r - o * 0.3, cx + r + o, cy + r - o * 0.3], fill=0)
    elif shape == "tree":
        d.rectangle([cx - r * 0.14, cy + r * 0.2, cx + r * 0.14, cy + r], fill=255)
        d.polygon([(cx, cy - r), (cx - r * 0.75, cy + r * 0.35), (cx + r * 0.75, cy + r * 0.35)], fill=255)
    elif shape == "house":
        d.rectangle([cx - r * 0.7, cy - r * 0.05, cx + r * 0.7, cy + r * 0.9], fill=255)
        d.polygon([(cx, cy - r * 0.9), (cx - r * 0.95, cy + 0.02 * r), (cx + r * 0.95, cy + 0.02 * r)], fill=255)
    return m


def object_geometry(a, rng):
    cx, cy = POSITIONS[a["position"]][2]
    return cx + rng.randint(-6, 6), cy + rng.randint(-6, 6), rng.randint(80, 96)


def render(a, rng):
    """Render attributes to (uint8 HxWx3 image, uint8 HxW object mask)."""
    arr = np.zeros((SIZE, SIZE, 3), np.float32)
    _sky(arr, a["time"], rng)
    img = Image.fromarray(arr.astype(np.uint8))
    _ground(img, a["scene"], COLOURS[a["bg_colour"]][0], rng)
    cx, cy, s = object_geometry(a, rng)
    colour = COLOURS[a["colour"]][0]
    style = a["style"]
    mask = shape_mask(a["shape"], cx, cy, s, scale=2).resize((SIZE, SIZE), Image.BILINEAR)
    if style == "3d render":
        shadow = mask.filter(ImageFilter.GaussianBlur(4))
        shadow = Image.fromarray(np.roll(np.asarray(shadow), (6, 6), axis=(0, 1)))
        img = Image.composite(Image.new("RGB", img.size, (0, 0, 0)), img,
                              Image.fromarray((np.asarray(shadow) * 0.45).astype(np.uint8)))
        yy, xx = np.mgrid[0:SIZE, 0:SIZE].astype(np.float32)
        dist = np.sqrt((xx - (cx - s * 0.22)) ** 2 + (yy - (cy - s * 0.22)) ** 2) / (s * 0.9)
        light = np.clip(1.25 - 0.5 * dist, 0.8, 1.25)[..., None]
        base = np.array(colour, np.float32)[None, None, :]
        lit = np.where(light > 1, base + (255 - base) * (light - 1) * 0.9, base * light)
        obj = Image.fromarray(np.clip(lit, 0, 255).astype(np.uint8))
        img = Image.composite(obj, img, mask)
    elif style == "watercolor":
        wc = _mix(colour, (255, 255, 255), 0.08)
        soft = mask.filter(ImageFilter.GaussianBlur(3))
        img = img.filter(ImageFilter.GaussianBlur(2))
        img = Image.composite(Image.new("RGB", img.size, wc), img, soft)
        a_img = np.asarray(img).astype(np.float32)
        noise = np.asarray(Image.fromarray(
            (np.random.default_rng(rng.randrange(1 << 30)).random((32, 32)) * 255).astype(np.uint8)
        ).resize((SIZE, SIZE), Image.BICUBIC)).astype(np.float32) / 255.0
        grain = np.random.default_rng(rng.randrange(1 << 30)).normal(0, 4, (SIZE, SIZE, 1))
        a_img = a_img * (0.93 + 0.1 * noise[..., None]) + grain
        img = Image.fromarray(np.clip(a_img, 0, 255).astype(np.uint8))
    else:
        img = Image.composite(Image.new("RGB", img.size, colour), img, mask)
    if style == "pixel art":
        img = img.resize((32, 32), Image.BOX).resize((SIZE, SIZE), Image.NEAREST)
    return np.asarray(img, dtype=np.uint8), (np.asarray(mask) > 127).astype(np.uint8)


def sample(seed, held_out=False):
    """Deterministic (image, mask, attributes) for a seed."""
    rng = random.Random(seed)
    a = sample_attributes(rng, held_out)
    img, mask = render(a, rng)
    return img, mask, a


if __name__ == "__main__":
    import sys
    out = sys.argv[1] if len(sys.argv) > 1 else "/tmp/artmint_data_grid.png"
    tiles = []
    for i in range(16):
        img, _, a = sample(i)
        print(i, caption_en(a), "|", caption_zh(a))
        tiles.append(img)
    rows = [np.concatenate(tiles[r * 4:(r + 1) * 4], 1) for r in range(4)]
    Image.fromarray(np.concatenate(rows, 0)).save(out)
    print("wrote", out)
