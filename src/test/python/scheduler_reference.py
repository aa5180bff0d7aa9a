"""Reference values for the Java schedulers, written from the published update rules with diffusers'
conventions (numpy only, no diffusers import): timestep grids, sigma grids and every step's output of
a short sampling run driven by a fixed fake model and fixed noise that the Java test reproduces.

Run:  /usr/bin/python3 src/test/python/scheduler_reference.py > src/test/resources/diffusion/scheduler_reference.json
"""
import json

import numpy as np

N = 8  # latent elements in a run


def alphas_cumprod(c):
    T = c["num_train_timesteps"]
    if c["beta_schedule"] == "linear":
        betas = np.linspace(c["beta_start"], c["beta_end"], T, dtype=np.float64)
    else:
        betas = np.linspace(c["beta_start"] ** 0.5, c["beta_end"] ** 0.5, T, dtype=np.float64) ** 2
    return np.cumprod(1.0 - betas)


def spaced(c, n, spacing, kind):
    """DDIM / Euler grids (kind 'int' rounds linspace, 'float' keeps it fractional)."""
    T = c["num_train_timesteps"]
    if spacing == "linspace":
        t = np.linspace(0, T - 1, n)[::-1].copy()
        return t.round() if kind == "int" else t
    if spacing == "leading":
        ratio = T // n
        return (np.arange(0, n) * ratio).round()[::-1].astype(np.float64) + c.get("steps_offset", 0)
    ratio = T / n
    return np.round(np.arange(T, 0, -ratio)) - 1


def to_f32(x):
    return np.asarray(x, dtype=np.float64).astype(np.float32).astype(np.float64)


class Euler:
    def __init__(self, c, n, ancestral):
        ac = alphas_cumprod(c)
        spacing = c.get("timestep_spacing", "linspace")
        self.timesteps = spaced(c, n, spacing, "float")
        train = ((1 - ac) / ac) ** 0.5
        self.sigmas = np.concatenate([np.interp(self.timesteps, np.arange(len(train)), train), [0.0]])
        mx = self.sigmas.max()
        self.init_noise_sigma = mx if spacing in ("linspace", "trailing") else (mx ** 2 + 1) ** 0.5
        self.ancestral = ancestral
        self.pred = c.get("prediction_type", "epsilon")

    def scale(self, i):
        return 1 / (self.sigmas[i] ** 2 + 1) ** 0.5

    def add_noise(self, x0, noise, i):
        return x0 + noise * self.sigmas[i]

    def step(self, i, m, x, noise):
        s, s_next = self.sigmas[i], self.sigmas[i + 1]
        if self.pred == "epsilon":
            x0 = x - s * m
        else:
            x0 = m * (-s / (s ** 2 + 1) ** 0.5) + x / (s ** 2 + 1)
        d = (x - x0) / s
        if not self.ancestral:
            return x + d * (s_next - s)
        up = (s_next ** 2 * (s ** 2 - s_next ** 2) / s ** 2) ** 0.5
        down = (s_next ** 2 - up ** 2) ** 0.5
        return x + d * (down - s) + noise * up


class DDIM:
    def __init__(self, c, n):
        self.ac = alphas_cumprod(c)
        self.timesteps = spaced(c, n, c.get("timestep_spacing", "leading"), "int")
        self.ratio = c["num_train_timesteps"] // n
        self.final = 1.0 if c.get("set_alpha_to_one", True) else self.ac[0]
        self.clip = c.get("clip_sample", True)
        self.clip_range = c.get("clip_sample_range", 1.0)
        self.pred = c.get("prediction_type", "epsilon")
        self.init_noise_sigma = 1.0
        self.sigmas = None

    def scale(self, i):
        return 1.0

    def add_noise(self, x0, noise, i):
        a = self.ac[int(self.timesteps[i])]
        return a ** 0.5 * x0 + (1 - a) ** 0.5 * noise

    def step(self, i, m, x, noise):
        t = int(self.timesteps[i])
        prev = t - self.ratio
        a = self.ac[t]
        a_prev = self.ac[prev] if prev >= 0 else self.final
        b = 1 - a
        if self.pred == "epsilon":
            x0, eps = (x - b ** 0.5 * m) / a ** 0.5, m
        else:
            x0, eps = a ** 0.5 * x - b ** 0.5 * m, a ** 0.5 * m + b ** 0.5 * x
        if self.clip:
            x0 = np.clip(x0, -self.clip_range, self.clip_range)
        return a_prev ** 0.5 * x0 + (1 - a_prev) ** 0.5 * eps


class DPMSolver2M:
    def __init__(self, c, n, karras):
        ac = alphas_cumprod(c)
        T = c["num_train_timesteps"]
        spacing = c.get("timestep_spacing", "linspace")
        train = ((1 - ac) / ac) ** 0.5
        log_sigmas = np.log(train)
        if karras:
            rho = 7.0
            ramp = np.linspace(0, 1, n)
            lo, hi = train[0] ** (1 / rho), train[-1] ** (1 / rho)
            sigmas = (hi + ramp * (lo - hi)) ** rho
            timesteps = np.array([self.sigma_to_t(s, log_sigmas) for s in sigmas]).round()
        else:
            if spacing == "linspace":
                timesteps = np.linspace(0, T - 1, n + 1).round()[::-1][:-1].copy()
            elif spacing == "leading":
                ratio = T // (n + 1)
                timesteps = (np.arange(0, n + 1) * ratio).round()[::-1][:-1].copy() + c.get("steps_offset", 0)
            else:
                timesteps = np.arange(T, 0, -T / n).round() - 1
            sigmas = np.interp(timesteps, np.arange(len(train)), train)
        last = 0.0 if c.get("final_sigmas_type", "zero") == "zero" else train[0]
        self.timesteps = timesteps
        self.sigmas = np.concatenate([sigmas, [last]])
        self.zero_final = c.get("final_sigmas_type", "zero") == "zero"
        self.pred = c.get("prediction_type", "epsilon")
        self.init_noise_sigma = 1.0
        self.outputs = []
        self.lower_order_nums = 0

    @staticmethod
    def sigma_to_t(sigma, log_sigmas):
        log_sigma = np.log(max(sigma, 1e-10))
        dists = log_sigma - log_sigmas
        low = int(np.clip(np.cumsum(dists >= 0).argmax(), None, len(log_sigmas) - 2))
        w = np.clip((log_sigmas[low] - log_sigma) / (log_sigmas[low] - log_sigmas[low + 1]), 0, 1)
        return (1 - w) * low + w * (low + 1)

    @staticmethod
    def alpha_sigma(s):
        a = 1 / (s ** 2 + 1) ** 0.5
        return a, s * a

    def scale(self, i):
        return 1.0

    def add_noise(self, x0, noise, i):
        a, s = self.alpha_sigma(self.sigmas[i])
        return a * x0 + s * noise

    def step(self, i, m, x, noise):
        a_s0, s_s0 = self.alpha_sigma(self.sigmas[i])
        x0 = (x - s_s0 * m) / a_s0 if self.pred == "epsilon" else a_s0 * x - s_s0 * m
        x0 = to_f32(x0)
        self.outputs = (self.outputs + [x0])[-2:]
        n = len(self.timesteps)
        lower_final = i == n - 1 and (n < 15 or self.zero_final)
        a_t, s_t = self.alpha_sigma(self.sigmas[i + 1])
        with np.errstate(divide="ignore"):
            lam_t = np.log(a_t) - np.log(s_t)
        lam_s0 = np.log(a_s0) - np.log(s_s0)
        h = lam_t - lam_s0
        if self.lower_order_nums < 1 or lower_final:
            out = (s_t / s_s0) * x - (a_t * (np.exp(-h) - 1.0)) * x0
        else:
            a_s1, s_s1 = self.alpha_sigma(self.sigmas[i - 1])
            lam_s1 = np.log(a_s1) - np.log(s_s1)
            r0 = (lam_s0 - lam_s1) / h
            d0, d1 = self.outputs[-1], (1.0 / r0) * (self.outputs[-1] - self.outputs[-2])
            out = (s_t / s_s0) * x - (a_t * (np.exp(-h) - 1.0)) * d0 - 0.5 * (a_t * (np.exp(-h) - 1.0)) * d1
        self.lower_order_nums = min(self.lower_order_nums + 1, 2)
        return out


class LCM:
    def __init__(self, c, n):
        self.ac = alphas_cumprod(c)
        T = c["num_train_timesteps"]
        original = c.get("original_inference_steps", 50)
        k = T // original
        origin = (np.asarray(list(range(1, original + 1))) * k - 1)[::-1].copy()
        idx = np.floor(np.linspace(0, len(origin), num=n, endpoint=False)).astype(np.int64)
        self.timesteps = origin[idx].astype(np.float64)
        self.final = 1.0 if c.get("set_alpha_to_one", True) else self.ac[0]
        self.scaling = c.get("timestep_scaling", 10.0)
        self.pred = c.get("prediction_type", "epsilon")
        self.init_noise_sigma = 1.0
        self.sigmas = None

    def scale(self, i):
        return 1.0

    def add_noise(self, x0, noise, i):
        a = self.ac[int(self.timesteps[i])]
        return a ** 0.5 * x0 + (1 - a) ** 0.5 * noise

    def step(self, i, m, x, noise):
        t = int(self.timesteps[i])
        last = i == len(self.timesteps) - 1
        prev = t if last else int(self.timesteps[i + 1])
        a = self.ac[t]
        a_prev = self.ac[prev] if prev >= 0 else self.final
        st = t * self.scaling
        c_skip = 0.25 / (st ** 2 + 0.25)
        c_out = st / (st ** 2 + 0.25) ** 0.5
        x0 = (x - (1 - a) ** 0.5 * m) / a ** 0.5 if self.pred == "epsilon" else a ** 0.5 * x - (1 - a) ** 0.5 * m
        denoised = c_out * x0 + c_skip * x
        return denoised if last else a_prev ** 0.5 * denoised + (1 - a_prev) ** 0.5 * noise


def make(kind, c, n):
    return {
        "euler": lambda: Euler(c, n, False),
        "euler_a": lambda: Euler(c, n, True),
        "ddim": lambda: DDIM(c, n),
        "dpmpp_2m": lambda: DPMSolver2M(c, n, False),
        "dpmpp_2m_karras": lambda: DPMSolver2M(c, n, True),
        "lcm": lambda: LCM(c, n),
    }[kind]()


def run(kind, c, n):
    s = make(kind, c, n)
    k = np.arange(N)
    x = to_f32(np.sin(0.7 * k + 0.3) * s.init_noise_sigma)
    samples = []
    for i in range(len(s.timesteps)):
        x_in = to_f32(x * s.scale(i))
        m = to_f32(0.3 * x_in + 0.1 * np.cos(0.01 * s.timesteps[i] + k))
        noise = to_f32(np.cos(1.3 * k + 0.7 * i))
        x = to_f32(s.step(i, m, x, noise))
        samples.append(x.tolist())
    fresh = make(kind, c, n)
    x0 = to_f32(np.sin(0.4 * k))
    noised = to_f32(fresh.add_noise(x0, to_f32(np.cos(0.9 * k)), min(2, n - 1)))
    return {
        "kind": kind, "steps": n, "config": c,
        "timesteps": np.asarray(s.timesteps, dtype=np.float64).tolist(),
        "sigmas": None if s.sigmas is None else np.asarray(s.sigmas, dtype=np.float64).tolist(),
        "init_noise_sigma": float(s.init_noise_sigma),
        "samples": samples,
        "add_noise_index": min(2, n - 1),
        "add_noise": noised.tolist(),
    }


SD = {"num_train_timesteps": 1000, "beta_start": 0.00085, "beta_end": 0.012, "beta_schedule": "scaled_linear"}
LIN = {"num_train_timesteps": 1000, "beta_start": 0.0001, "beta_end": 0.02, "beta_schedule": "linear"}

CASES = [
    ("euler_a", dict(SD, timestep_spacing="leading", steps_offset=1), 10),
    ("euler_a", dict(LIN, timestep_spacing="trailing", prediction_type="v_prediction"), 6),
    ("euler", dict(SD, timestep_spacing="linspace"), 10),
    ("euler", dict(LIN, timestep_spacing="trailing", prediction_type="v_prediction"), 7),
    ("euler", dict(SD, timestep_spacing="leading", steps_offset=1, prediction_type="v_prediction"), 5),
    ("ddim", dict(SD, timestep_spacing="leading", steps_offset=1, set_alpha_to_one=False, clip_sample=False), 10),
    ("ddim", dict(LIN, timestep_spacing="trailing", prediction_type="v_prediction", clip_sample=True), 4),
    ("ddim", dict(SD, timestep_spacing="linspace", clip_sample=False), 6),
    ("dpmpp_2m", dict(SD, timestep_spacing="linspace"), 10),
    ("dpmpp_2m", dict(SD, timestep_spacing="leading", steps_offset=1, prediction_type="v_prediction"), 20),
    ("dpmpp_2m", dict(LIN, timestep_spacing="trailing", final_sigmas_type="sigma_min"), 16),
    ("dpmpp_2m_karras", dict(SD, use_karras_sigmas=True), 12),
    ("dpmpp_2m_karras", dict(LIN, prediction_type="v_prediction"), 20),
    ("lcm", dict(SD, timestep_spacing="leading", steps_offset=1, clip_sample=False), 4),
    ("lcm", dict(LIN, prediction_type="v_prediction", original_inference_steps=50), 8),
]

if __name__ == "__main__":
    print(json.dumps([run(kind, c, n) for kind, c, n in CASES], indent=1))
