"""Print tokenizer test vectors as JSON: [{"text": ..., "ids": [...]}].

ids are padded/truncated to model_max_length: BOS first, EOS after the last
token, padding with EOS (as Stable Diffusion 1.x pads with <|endoftext|>).

    /usr/bin/python3 models/training/tokenizer_vectors.py [tokenizer_dir] > vectors.json
"""
import json
import os
import sys

from clip_tokenizer import ClipTokenizer

TEXTS = [
    "a red circle above a blue sea at sunset, watercolor",
    "夕阳下蓝色大海上方的红色圆形,水彩",
    "像素画:夜晚白色城市左边的棕色房子",
    "an orange star on the right of a green forest at night, 3d render",
    "A RED Circle ABOVE a Blue Sea",
    "  a   green\t\ttree \n in front of   a white mountain  ",
    "a pink heart 在 黑色沙漠 above, pixel art",
    "🎨🖌️ a yellow moon 🌙 over the city!!!",
    "it's a cat's toy, isn't it? we'll see; they'd've done it...",
    "Tom &amp; Jerry &lt;3 &amp;amp; &quot;quoted&quot;",
    "龙凤呈祥,未登录的汉字也能切分",
    "numbers 2026 and 3.14159 and 1,000,000",
    "<|startoftext|>special tokens<|endoftext|> inside text",
    "café naïve résumé Ünïcödé",
    "",
    "a red circle, " * 30,
]


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    tok_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "artmint-tiny", "tokenizer")
    tok = ClipTokenizer(tok_dir)
    print(json.dumps([{"text": t, "ids": tok(t)} for t in TEXTS], ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
