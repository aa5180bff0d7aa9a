"""Tokenizer test vectors for the Java ClipTokenizer, produced by the reference Python CLIP tokenizer the
bundled model is trained with (models/training/clip_tokenizer.py), over the vocab copied into
src/test/resources/diffusion/tokenizer.

Run (from the repository root, with the model branch merged or its training folder at hand):
  /usr/bin/python3 src/test/python/tokenizer_vectors.py models/training src/test/resources/diffusion/tokenizer \
      > src/test/resources/diffusion/tokenizer_vectors.json
"""
import json
import sys

sys.path.insert(0, sys.argv[1])
from clip_tokenizer import ClipTokenizer  # noqa: E402
from tokenizer_vectors import TEXTS as MODEL_TEXTS  # noqa: E402

EXTRA_TEXTS = [
    "猫が好き 🐱 and 狗 🐶 together",
    "👩‍👩‍👧‍👦 family emoji with zero width joiners",
    "Ελληνικά ΚΕΦΑΛΑΙΑ and кириллица",
    "&amplifier &amp &copy 2024 &#65;&#x42; &unknown; &#0;",
    "tabs\tand\nnewlines\u00a0and\u3000ideographic spaces",
    "I'M SHOUTING'S 'quoted' don't",
    "mixed123numbers4you 5th 1st",
    "   ",
    "¡¬®ÿ bytes at the edges of the printable table \u0000\u007f",
]


def main():
    tok = ClipTokenizer(sys.argv[2])
    vectors = [{"text": t, "tokens": tok.encode(t), "ids": tok(t)} for t in MODEL_TEXTS + EXTRA_TEXTS]
    print(json.dumps({"model_max_length": tok.model_max_length, "vectors": vectors}, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
