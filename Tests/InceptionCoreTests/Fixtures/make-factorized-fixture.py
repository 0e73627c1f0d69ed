"""Makes factorized-torch.safetensors and factorized-torch.json, the PyTorch oracle
of FactorizedTorchTests: a 1x1 stem, an Inception module with the 5x5 branch as
two stacked 3x3 (`3a.factorize=stacked`), one with every kxk as 1xk then kx1
(`asymmetric`), global average pooling and a linear classifier. The JSON holds
the input, labels, logits, the mean cross-entropy loss and the gradient of every
parameter. The attribute names are the tensor names the Swift engine gives the
same layers, so the state_dict is the weights file.

Run: ~/torch-venv/bin/python make-factorized-fixture.py (from this folder).
"""
import json

import torch
import torch.nn as nn
import torch.nn.functional as F
from safetensors.torch import save_file


def conv(c, oc, kh, kw):
    return nn.Conv2d(c, oc, (kh, kw), padding=(kh // 2, kw // 2))


class Module(nn.Module):
    """n1x1, n3x3red, n3x3, n5x5red, n5x5, poolproj as in the paper's Table 1."""

    def __init__(self, c, widths, factorize):
        super().__init__()
        n1, r3, n3, r5, n5, pp = widths
        self.factorize = factorize
        self.branch1x1 = conv(c, n1, 1, 1)
        self.branch3x3_reduce = conv(c, r3, 1, 1)
        self.branch5x5_reduce = conv(c, r5, 1, 1)
        if factorize == "stacked":
            self.branch3x3 = conv(r3, n3, 3, 3)
            self.branch5x5_1 = conv(r5, n5, 3, 3)
            self.branch5x5_2 = conv(n5, n5, 3, 3)
        else:  # asymmetric
            self.branch3x3_1 = conv(r3, r3, 1, 3)
            self.branch3x3_2 = conv(r3, n3, 3, 1)
            self.branch5x5_1 = conv(r5, r5, 1, 5)
            self.branch5x5_2 = conv(r5, n5, 5, 1)
        self.pool_proj = conv(c, pp, 1, 1)

    def forward(self, x):
        r = F.relu
        b3 = r(self.branch3x3_reduce(x))
        b5 = r(self.branch5x5_reduce(x))
        if self.factorize == "stacked":
            b3 = r(self.branch3x3(b3))
        else:
            b3 = r(self.branch3x3_2(r(self.branch3x3_1(b3))))
        b5 = r(self.branch5x5_2(r(self.branch5x5_1(b5))))
        pool = r(self.pool_proj(F.max_pool2d(x, 3, 1, 1)))
        return torch.cat([r(self.branch1x1(x)), b3, b5, pool], 1)


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.stem = conv(3, 5, 1, 1)
        self.inceptiona = Module(5, (2, 3, 4, 2, 3, 2), "stacked")
        self.inceptionb = Module(11, (3, 2, 3, 2, 4, 2), "asymmetric")
        self.classifier = nn.Linear(12, 4)

    def forward(self, x):
        x = self.inceptionb(self.inceptiona(F.relu(self.stem(x))))
        return self.classifier(x.mean((2, 3)))


torch.manual_seed(13)
net = Net()
with torch.no_grad():
    for name, p in net.named_parameters():
        # Positive biases keep most ReLUs active, so the gradients reach every weight.
        p.copy_(torch.randn_like(p) * 0.1 + 0.3 if name.endswith(".bias") else torch.randn_like(p) * 0.4)
x = torch.randn(2, 3, 7, 6)
labels = torch.tensor([1, 3])
logits = net(x)
loss = F.cross_entropy(logits, labels)
loss.backward()
save_file({k: v.contiguous() for k, v in net.state_dict().items()}, "factorized-torch.safetensors")
with open("factorized-torch.json", "w") as f:
    json.dump({
        "input_shape": list(x.shape),
        "input": x.flatten().tolist(),
        "labels": labels.tolist(),
        "logits": logits.detach().flatten().tolist(),
        "loss": loss.item(),
        "gradients": {n: p.grad.flatten().tolist() for n, p in net.named_parameters()},
    }, f)
