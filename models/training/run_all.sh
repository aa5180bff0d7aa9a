#!/bin/sh
# Reproduce artmint-tiny from nothing on a CPU machine (Debian 12):
#   apt-get install -y python3-torch python3-numpy python3-pil python3-regex libopenblas0-openmp
# Intermediate files (rendered images, latents, checkpoints) go to $ARTMINT_WORK (default /tmp/artmint-work).
# Checkpoints are saved every 100-200 steps; re-running a stage resumes it.
set -e
cd "$(dirname "$0")"
PY=/usr/bin/python3
export OMP_WAIT_POLICY=PASSIVE   # the 2 cores are shared; don't spin
nice -n 10 $PY train_tokenizer.py --out ../artmint-tiny/tokenizer
nice -n 10 $PY train_vae.py --minutes 10 --images 3000
nice -n 10 $PY train_unet.py --images 12000 --minutes 200
nice -n 10 $PY export.py --out ../artmint-tiny
nice -n 10 $PY evaluate.py --n 100
nice -n 10 $PY samples.py
