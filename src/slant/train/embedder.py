"""`slant train embedder`: distil the static model2vec embedder from the packaged all-MiniLM-L6-v2."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from slant.nlp.embed import STATIC_MODEL_DIR
from slant.nlp.minilm import model_dir

KEEP = ("config.json", "model.safetensors", "modules.json", "tokenizer.json")


def distil(dims: int = 256, out: Path = STATIC_MODEL_DIR) -> Path:
    """Distil a static model (PCA to ``dims``, float16) and write its files to ``out``.

    Returns:
        The folder written.
    """
    from model2vec.distill import distill

    model = distill(model_name=str(model_dir()), pca_dims=dims)
    with tempfile.TemporaryDirectory() as tmp:
        model.save_pretrained(tmp)
        out.mkdir(parents=True, exist_ok=True)
        for name in KEEP:
            shutil.copyfile(Path(tmp) / name, out / name)
    return out
