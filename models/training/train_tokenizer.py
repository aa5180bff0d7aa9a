"""Train CLIP-format byte-level BPE merges on the generator's English + Chinese captions.

Writes tokenizer/vocab.json, merges.txt, tokenizer_config.json and
special_tokens_map.json in the Hugging Face CLIPTokenizer layout. The vocab is
ordered as CLIP's: the 256 byte symbols, the same 256 with '</w>', one entry per
merge, then '<|startoftext|>' and '<|endoftext|>' (so EOS has the highest id, as
in CLIP, and any text, emoji or unseen Chinese included, still tokenises).

    /usr/bin/python3 models/training/train_tokenizer.py --out models/artmint-tiny/tokenizer
"""
import argparse
import collections
import json
import os
import random

from artmint_data import caption_en, caption_zh_segments, sample_attributes
from clip_tokenizer import BOS, EOS, bytes_to_unicode, pretokenize

MODEL_MAX_LENGTH = 77


def corpus_words(n, seed):
    """Pre-tokenised training words. Chinese has no spaces, so a whole clause is one
    pre-token; the words are fed to the trainer segmented (only a clause's last word
    ends with '</w>') so that merges stay inside words and colour, object and scene
    names remain separate tokens."""
    byte_encoder = bytes_to_unicode()
    rng = random.Random(seed)
    for _ in range(n):
        a = sample_attributes(rng, held_out=False)
        for variant in (0, 1):
            for w in pretokenize(caption_en(a, variant)):
                yield tuple(w[:-1]) + (w[-1] + "</w>",)
            segs = caption_zh_segments(a, variant)
            for i, seg in enumerate(segs):
                enc = "".join(byte_encoder[b] for b in seg.encode("utf-8"))
                clause_ends = i == len(segs) - 1 or not seg[0].isalpha() or not segs[i + 1][0].isalpha()
                yield tuple(enc[:-1]) + (enc[-1] + "</w>",) if clause_ends else tuple(enc)


def train_bpe(words, max_merges, min_freq):
    vocab = collections.Counter(words)
    merges = []
    while len(merges) < max_merges:
        stats = collections.Counter()
        for word, c in vocab.items():
            for pair in zip(word, word[1:]):
                stats[pair] += c
        if not stats:
            break
        best, freq = max(stats.items(), key=lambda kv: (kv[1], kv[0]))
        if freq < min_freq:
            break
        merges.append(best)
        merged = best[0] + best[1]
        new_vocab = {}
        for word, c in vocab.items():
            if best[0] in word:
                out, i = [], 0
                while i < len(word):
                    if i < len(word) - 1 and word[i] == best[0] and word[i + 1] == best[1]:
                        out.append(merged)
                        i += 2
                    else:
                        out.append(word[i])
                        i += 1
                word = tuple(out)
            new_vocab[word] = new_vocab.get(word, 0) + c
        vocab = new_vocab
    return merges


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default="models/artmint-tiny/tokenizer")
    ap.add_argument("--captions", type=int, default=6000)
    ap.add_argument("--max-merges", type=int, default=1500)
    ap.add_argument("--min-freq", type=int, default=20)
    ap.add_argument("--seed", type=int, default=1234)
    args = ap.parse_args()

    merges = train_bpe(corpus_words(args.captions, args.seed), args.max_merges, args.min_freq)
    symbols = list(bytes_to_unicode().values())
    vocab = symbols + [s + "</w>" for s in symbols] + ["".join(m) for m in merges] + [BOS, EOS]
    encoder = {}
    for tok in vocab:  # a merge can reproduce an existing symbol only in theory; keep ids unique
        if tok not in encoder:
            encoder[tok] = len(encoder)
    assert encoder[EOS] == len(encoder) - 1

    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "vocab.json"), "w", encoding="utf-8") as f:
        json.dump(encoder, f, ensure_ascii=False, indent=None, separators=(",", ":"))
    with open(os.path.join(args.out, "merges.txt"), "w", encoding="utf-8") as f:
        f.write("#version: 0.2\n")
        for a, b in merges:
            f.write(f"{a} {b}\n")
    special = {
        "bos_token": BOS, "eos_token": EOS, "pad_token": EOS, "unk_token": EOS,
    }
    config = {
        "tokenizer_class": "CLIPTokenizer",
        "model_max_length": MODEL_MAX_LENGTH,
        "do_lower_case": True,
        "errors": "replace",
        "add_prefix_space": False,
        "clean_up_tokenization_spaces": True,
        **special,
    }
    with open(os.path.join(args.out, "tokenizer_config.json"), "w", encoding="utf-8") as f:
        json.dump(config, f, ensure_ascii=False, indent=2)
    with open(os.path.join(args.out, "special_tokens_map.json"), "w", encoding="utf-8") as f:
        json.dump(special, f, ensure_ascii=False, indent=2)
    print(f"{len(merges)} merges, vocab size {len(encoder)} -> {args.out}")


if __name__ == "__main__":
    main()
