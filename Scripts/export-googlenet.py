#!/usr/bin/env python3
"""Exports torchvision's ImageNet-trained GoogLeNet as a safetensors file the explorer reads.

Needs torch, torchvision and safetensors (pip install torch torchvision safetensors), and
downloads the weights through torchvision on first use (about 50 MB); the explorer itself
never downloads anything.

    python3 Scripts/export-googlenet.py googlenet-imagenet.safetensors
    inception-explorer --weights googlenet-imagenet.safetensors --image Photos/chelsea.png
"""
import argparse

import torch
import torchvision
from safetensors.torch import save_file


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("out", help="the .safetensors file to write")
    a = p.parse_args()
    weights = torchvision.models.GoogLeNet_Weights.IMAGENET1K_V1
    model = torchvision.models.googlenet(weights=weights).eval()
    top1 = weights.meta["_metrics"]["ImageNet-1K"]["acc@1"]
    state = {k: v.contiguous() for k, v in model.state_dict().items()}
    metadata = {
        "inception_explorer.weights": f"torchvision GoogLeNet_Weights.IMAGENET1K_V1 (ImageNet-1k, top-1 {top1} %), torchvision {torchvision.__version__}",
        "transform_input": "true" if model.transform_input else "false",
    }
    save_file(state, a.out, metadata=metadata)
    print(f"wrote {a.out}: {len(state)} tensors, {sum(v.numel() for v in state.values()):,} values")


if __name__ == "__main__":
    main()
