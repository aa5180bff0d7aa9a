"""The artmint-tiny networks: VAE (8x spatial compression, 4 latent channels),
CLIP-style text encoder, and a UNet with cross-attention to the text.

Also the noise schedule, identical to scheduler/scheduler_config.json
(1000 steps, scaled_linear betas 0.00085..0.012).
"""
import math

import torch
import torch.nn as nn
import torch.nn.functional as F

NUM_TRAIN_TIMESTEPS = 1000
BETA_START = 0.00085
BETA_END = 0.012


def alphas_cumprod():
    betas = torch.linspace(BETA_START ** 0.5, BETA_END ** 0.5, NUM_TRAIN_TIMESTEPS, dtype=torch.float64) ** 2
    return torch.cumprod(1.0 - betas, dim=0)


# ------------------------------------------------------------------ VAE
# No normalisation layers: the VAE is trained on random crops and must behave the
# same on full 256x256 images, which GroupNorm statistics would not.

class PlainRes(nn.Module):
    def __init__(self, ch):
        super().__init__()
        self.c1 = nn.Conv2d(ch, ch, 3, padding=1)
        self.c2 = nn.Conv2d(ch, ch, 3, padding=1)

    def forward(self, x):
        return x + self.c2(F.silu(self.c1(F.silu(x))))


class VAEEncoder(nn.Module):
    """256x256x3 -> 32x32x4: pixel-unshuffle (4x4 patches) to 64x64, one stride-2 stage to 32x32."""

    def __init__(self, chs=(64, 128), latent=4):
        super().__init__()
        self.net = nn.Sequential(
            nn.PixelUnshuffle(4), nn.Conv2d(48, chs[0], 3, padding=1), PlainRes(chs[0]),
            nn.Conv2d(chs[0], chs[1], 3, stride=2, padding=1), PlainRes(chs[1]),
            nn.SiLU(), nn.Conv2d(chs[1], latent, 3, padding=1))

    def forward(self, x):
        return self.net(x)


class VAEDecoder(nn.Module):
    """32x32x4 -> 256x256x3: two residual blocks at 32x32, upsample to 64x64, pixel-shuffle 4x4 patches out."""

    def __init__(self, chs=(64, 128), latent=4):
        super().__init__()
        self.net = nn.Sequential(
            nn.Conv2d(latent, chs[1], 3, padding=1), PlainRes(chs[1]), PlainRes(chs[1]),
            nn.Upsample(scale_factor=2.0, mode="nearest"), nn.Conv2d(chs[1], chs[0], 3, padding=1), PlainRes(chs[0]),
            nn.SiLU(), nn.Conv2d(chs[0], 48, 3, padding=1), nn.PixelShuffle(4))

    def forward(self, z):
        return self.net(z)


# ------------------------------------------------------------------ text encoder

class TextBlock(nn.Module):
    def __init__(self, d, heads):
        super().__init__()
        self.ln1 = nn.LayerNorm(d)
        self.attn = nn.MultiheadAttention(d, heads, batch_first=True)
        self.ln2 = nn.LayerNorm(d)
        self.mlp = nn.Sequential(nn.Linear(d, 4 * d), nn.GELU(), nn.Linear(4 * d, d))

    def forward(self, x, mask):
        h = self.ln1(x.float())
        x = x + self.attn(h, h, h, attn_mask=mask, need_weights=False)[0]
        return x + self.mlp(self.ln2(x.float()))


class TextEncoder(nn.Module):
    """CLIP-style causal transformer; pooler_output is the hidden state at the first EOS."""

    def __init__(self, vocab_size, max_len=77, d=128, layers=3, heads=4, eos_id=None):
        super().__init__()
        self.tok = nn.Embedding(vocab_size, d)
        self.pos = nn.Parameter(torch.randn(max_len, d) * 0.01)
        self.blocks = nn.ModuleList([TextBlock(d, heads) for _ in range(layers)])
        self.ln = nn.LayerNorm(d)
        self.eos_id = vocab_size - 1 if eos_id is None else eos_id
        self.register_buffer("causal", torch.full((max_len, max_len), float("-inf")).triu(1), persistent=False)

    def forward(self, input_ids):
        input_ids = input_ids.long()
        n = input_ids.shape[1]
        x = self.tok(input_ids) + self.pos[:n]
        mask = self.causal[:n, :n]
        for b in self.blocks:
            x = b(x, mask)
        x = self.ln(x.float())
        eos_pos = (input_ids == self.eos_id).int().argmax(dim=1)
        pooled = x[torch.arange(x.shape[0]), eos_pos]
        return x, pooled


# ------------------------------------------------------------------ UNet

def timestep_embedding(t, dim):
    half = dim // 2
    freqs = torch.exp(-math.log(10000.0) * torch.arange(half, dtype=torch.float32) / half)
    args = t.float()[:, None] * freqs[None]
    return torch.cat([torch.cos(args), torch.sin(args)], dim=1)


class ResBlock(nn.Module):
    def __init__(self, cin, cout, temb):
        super().__init__()
        self.n1 = nn.GroupNorm(min(32, cin // 4), cin)
        self.c1 = nn.Conv2d(cin, cout, 3, padding=1)
        self.t = nn.Linear(temb, cout)
        self.n2 = nn.GroupNorm(min(32, cout // 4), cout)
        self.c2 = nn.Conv2d(cout, cout, 3, padding=1)
        self.skip = nn.Conv2d(cin, cout, 1) if cin != cout else nn.Identity()

    def forward(self, x, temb):
        h = self.c1(F.silu(self.n1(x.float())))
        h = h + self.t(temb)[:, :, None, None]
        h = self.c2(F.silu(self.n2(h.float())))
        return self.skip(x) + h


class Attention(nn.Module):
    def __init__(self, d, ctx_dim, heads):
        super().__init__()
        self.heads = heads
        self.q = nn.Linear(d, d, bias=False)
        self.k = nn.Linear(ctx_dim, d, bias=False)
        self.v = nn.Linear(ctx_dim, d, bias=False)
        self.o = nn.Linear(d, d)

    def forward(self, x, ctx):
        b, n, d = x.shape
        h = self.heads
        q = self.q(x).reshape(b, n, h, d // h).transpose(1, 2)
        k = self.k(ctx).reshape(b, -1, h, d // h).transpose(1, 2)
        v = self.v(ctx).reshape(b, -1, h, d // h).transpose(1, 2)
        w = torch.softmax(q @ k.transpose(-1, -2) / math.sqrt(d // h), dim=-1)
        return self.o((w @ v).transpose(1, 2).reshape(b, n, d))


class SpatialTransformer(nn.Module):
    """SD-style block: self-attention, cross-attention to the text, feed-forward."""

    def __init__(self, ch, ctx_dim, heads=4):
        super().__init__()
        self.norm = nn.GroupNorm(min(32, ch // 4), ch)
        self.proj_in = nn.Conv2d(ch, ch, 1)
        self.ln1 = nn.LayerNorm(ch)
        self.self_attn = Attention(ch, ch, heads)
        self.ln2 = nn.LayerNorm(ch)
        self.cross_attn = Attention(ch, ctx_dim, heads)
        self.ln3 = nn.LayerNorm(ch)
        self.ff = nn.Sequential(nn.Linear(ch, 4 * ch), nn.GELU(), nn.Linear(4 * ch, ch))
        self.proj_out = nn.Conv2d(ch, ch, 1)

    def forward(self, x, ctx):
        b, c, hh, ww = x.shape
        h = self.proj_in(self.norm(x.float())).flatten(2).transpose(1, 2)
        h1 = self.ln1(h.float())
        h = h + self.self_attn(h1, h1)
        h = h + self.cross_attn(self.ln2(h.float()), ctx)
        h = h + self.ff(self.ln3(h.float()))
        return x + self.proj_out(h.transpose(1, 2).reshape(b, c, hh, ww))


class UNet(nn.Module):
    def __init__(self, chs=(64, 128, 192), ctx_dim=128, attn=(False, True, True), in_ch=4):
        super().__init__()
        self.chs = chs
        temb = chs[0] * 4
        self.temb_dim = chs[0]
        self.time_mlp = nn.Sequential(nn.Linear(chs[0], temb), nn.SiLU(), nn.Linear(temb, temb))
        # The mean of the text states joins the time embedding, so every ResBlock sees the prompt
        # (as SDXL's pooled text embedding does); with a causal text encoder the padding positions
        # after the end token have seen the whole prompt. Zero-initialised: it starts as a no-op.
        self.text_pool = nn.Sequential(nn.Linear(ctx_dim, temb), nn.SiLU(), nn.Linear(temb, temb))
        nn.init.zeros_(self.text_pool[2].weight), nn.init.zeros_(self.text_pool[2].bias)
        self.conv_in = nn.Conv2d(in_ch, chs[0], 3, padding=1)
        self.down_res = nn.ModuleList()
        self.down_attn = nn.ModuleList()
        self.downsample = nn.ModuleList()
        prev = chs[0]
        for i, c in enumerate(chs):
            self.down_res.append(ResBlock(prev, c, temb))
            self.down_attn.append(SpatialTransformer(c, ctx_dim) if attn[i] else nn.Identity())
            self.downsample.append(nn.Conv2d(c, c, 3, stride=2, padding=1) if i < len(chs) - 1 else nn.Identity())
            prev = c
        self.mid_res1 = ResBlock(prev, prev, temb)
        self.mid_attn = SpatialTransformer(prev, ctx_dim)
        self.mid_res2 = ResBlock(prev, prev, temb)
        self.up_res = nn.ModuleList()
        self.up_attn = nn.ModuleList()
        self.upsample = nn.ModuleList()
        for i in reversed(range(len(chs))):
            c = chs[i]
            self.up_res.append(ResBlock(prev + c, c, temb))
            self.up_attn.append(SpatialTransformer(c, ctx_dim) if attn[i] else nn.Identity())
            self.upsample.append(nn.Conv2d(c, chs[i - 1], 3, padding=1) if i > 0 else nn.Identity())
            prev = chs[i - 1] if i > 0 else c
        self.norm_out = nn.GroupNorm(min(32, chs[0] // 4), chs[0])
        self.conv_out = nn.Conv2d(chs[0], 4, 3, padding=1)

    def forward(self, sample, timestep, encoder_hidden_states):
        ctx = encoder_hidden_states
        temb = self.time_mlp(timestep_embedding(timestep, self.temb_dim)) + self.text_pool(ctx.mean(dim=1))
        h = self.conv_in(sample)
        skips = []
        for i in range(len(self.chs)):
            h = self.down_res[i](h, temb)
            h = self.down_attn[i](h, ctx) if not isinstance(self.down_attn[i], nn.Identity) else h
            skips.append(h)
            h = self.downsample[i](h)
        h = self.mid_res1(h, temb)
        h = self.mid_attn(h, ctx)
        h = self.mid_res2(h, temb)
        for j in range(len(self.chs)):
            h = self.up_res[j](torch.cat([h, skips.pop()], dim=1), temb)
            h = self.up_attn[j](h, ctx) if not isinstance(self.up_attn[j], nn.Identity) else h
            if j < len(self.chs) - 1:
                h = self.upsample[j](F.interpolate(h, scale_factor=2.0, mode="nearest"))
        return self.conv_out(F.silu(self.norm_out(h.float())))


def count_params(m):
    return sum(p.numel() for p in m.parameters())
