"""CLIP tokenizer, written as OpenAI CLIP's simple_tokenizer.py does it.

Byte-level BPE over CLIP's bytes_to_unicode alphabet, '</w>' marks the end of a
word, '<|startoftext|>' / '<|endoftext|>' are the special tokens, padding uses
'<|endoftext|>' (as Stable Diffusion 1.x does). Reads the Hugging Face files
tokenizer/vocab.json and tokenizer/merges.txt.

Differences from OpenAI's file: ftfy.fix_text is not applied (ftfy is not
available here); everything else (html.unescape twice, strip, whitespace
collapse, lower(), the pre-tokenisation regex, the BPE loop) is the same.
"""
import html
import json
import os
from functools import lru_cache

import regex as re

BOS = "<|startoftext|>"
EOS = "<|endoftext|>"
PATTERN = re.compile(
    r"""<\|startoftext\|>|<\|endoftext\|>|'s|'t|'re|'ve|'m|'ll|'d|[\p{L}]+|[\p{N}]|[^\s\p{L}\p{N}]+""",
    re.IGNORECASE,
)


@lru_cache()
def bytes_to_unicode():
    """CLIP/GPT-2 reversible map from the 256 byte values to printable unicode characters."""
    bs = list(range(ord("!"), ord("~") + 1)) + list(range(ord("¡"), ord("¬") + 1)) + list(range(ord("®"), ord("ÿ") + 1))
    cs = bs[:]
    n = 0
    for b in range(2 ** 8):
        if b not in bs:
            bs.append(b)
            cs.append(2 ** 8 + n)
            n += 1
    return dict(zip(bs, [chr(c) for c in cs]))


def get_pairs(word):
    pairs = set()
    prev = word[0]
    for ch in word[1:]:
        pairs.add((prev, ch))
        prev = ch
    return pairs


def basic_clean(text):
    text = html.unescape(html.unescape(text))
    return text.strip()


def whitespace_clean(text):
    text = re.sub(r"\s+", " ", text)
    return text.strip()


def normalize(text):
    return whitespace_clean(basic_clean(text)).lower()


def pretokenize(text):
    """Words of the normalised text, each as its byte-encoded string."""
    byte_encoder = bytes_to_unicode()
    return ["".join(byte_encoder[b] for b in tok.encode("utf-8")) for tok in re.findall(PATTERN, normalize(text))]


class ClipTokenizer:
    def __init__(self, tokenizer_dir, model_max_length=None):
        with open(os.path.join(tokenizer_dir, "vocab.json"), encoding="utf-8") as f:
            self.encoder = json.load(f)
        self.decoder = {v: k for k, v in self.encoder.items()}
        with open(os.path.join(tokenizer_dir, "merges.txt"), encoding="utf-8") as f:
            lines = f.read().split("\n")
        merges = [tuple(line.split()) for line in lines[1:] if line.strip()]
        self.bpe_ranks = dict(zip(merges, range(len(merges))))
        self.byte_decoder = {v: k for k, v in bytes_to_unicode().items()}
        self.cache = {BOS: BOS, EOS: EOS}
        if model_max_length is None:
            with open(os.path.join(tokenizer_dir, "tokenizer_config.json"), encoding="utf-8") as f:
                model_max_length = json.load(f)["model_max_length"]
        self.model_max_length = model_max_length
        self.bos_id = self.encoder[BOS]
        self.eos_id = self.encoder[EOS]

    def bpe(self, token):
        if token in self.cache:
            return self.cache[token]
        word = tuple(token[:-1]) + (token[-1] + "</w>",)
        pairs = get_pairs(word)
        if not pairs:
            return token + "</w>"
        while True:
            bigram = min(pairs, key=lambda pair: self.bpe_ranks.get(pair, float("inf")))
            if bigram not in self.bpe_ranks:
                break
            first, second = bigram
            new_word = []
            i = 0
            while i < len(word):
                try:
                    j = word.index(first, i)
                    new_word.extend(word[i:j])
                    i = j
                except ValueError:
                    new_word.extend(word[i:])
                    break
                if word[i] == first and i < len(word) - 1 and word[i + 1] == second:
                    new_word.append(first + second)
                    i += 2
                else:
                    new_word.append(word[i])
                    i += 1
            word = tuple(new_word)
            if len(word) == 1:
                break
            pairs = get_pairs(word)
        word = " ".join(word)
        self.cache[token] = word
        return word

    def encode(self, text):
        """Token ids without BOS/EOS."""
        ids = []
        for token in pretokenize(text):
            ids.extend(self.encoder[t] for t in self.bpe(token).split(" "))
        return ids

    def __call__(self, text):
        """BOS + ids + EOS, truncated to model_max_length (EOS kept last) and padded with EOS."""
        n = self.model_max_length
        ids = [self.bos_id] + self.encode(text)[: n - 2] + [self.eos_id]
        return ids + [self.eos_id] * (n - len(ids))

    def decode(self, ids):
        text = "".join(self.decoder[i] for i in ids)
        return bytearray(self.byte_decoder[c] for c in text).decode("utf-8", errors="replace").replace("</w>", " ")
