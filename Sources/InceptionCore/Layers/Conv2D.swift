// 2-D convolution, forward and backward.
//
// Legend for every kernel in Layers/: n batch, c input channels, h w input height
// and width, oc output channels, kh kw kernel height and width, oh ow output height
// and width. Tensors are NCHW and contiguous; weights are OIHW as in PyTorch.
// A convolution here is a cross-correlation (the kernel is not flipped), as in
// every CNN library.

/// The sizes of one 2-D convolution with square stride and zero padding: `padH`
/// rows above and below, `padW` columns left and right (a 1x7 kernel keeps the
/// size with padding 0 and 3, as PyTorch's `padding=(0, 3)`).
public struct ConvGeometry: Hashable, Sendable {
    public let n: Int, c: Int, h: Int, w: Int
    public let oc: Int, kh: Int, kw: Int
    public let stride: Int, padH: Int, padW: Int

    public init(n: Int, c: Int, h: Int, w: Int, oc: Int, kh: Int, kw: Int, stride: Int = 1, pad: Int = 0) {
        self.init(n: n, c: c, h: h, w: w, oc: oc, kh: kh, kw: kw, stride: stride, padH: pad, padW: pad)
    }

    public init(n: Int, c: Int, h: Int, w: Int, oc: Int, kh: Int, kw: Int, stride: Int = 1, padH: Int, padW: Int) {
        self.n = n
        self.c = c
        self.h = h
        self.w = w
        self.oc = oc
        self.kh = kh
        self.kw = kw
        self.stride = stride
        self.padH = padH
        self.padW = padW
    }

    public var oh: Int { (h + 2 * padH - kh) / stride + 1 }
    public var ow: Int { (w + 2 * padW - kw) / stride + 1 }
    /// Multiply-adds of one forward pass: every weight at every output position.
    public var multiplies: Int { n * oc * oh * ow * c * kh * kw }
}

/// The algorithmic reference: out (n, oc, oh, ow) = inp (n, c, h, w) ⋆ weight (oc, c, kh, kw) + bias (oc).
/// Positions that fall in the padding read zero.
public func conv2dForwardReference(out: UnsafeMutablePointer<Float>, inp: UnsafePointer<Float>,
                                   weight: UnsafePointer<Float>, bias: UnsafePointer<Float>?, _ g: ConvGeometry) {
    let (oh, ow) = (g.oh, g.ow)
    for b in 0..<g.n {
        for o in 0..<g.oc {
            let outPlane = out + (b * g.oc + o) * oh * ow
            for oy in 0..<oh {
                for ox in 0..<ow {
                    var sum: Float = bias?[o] ?? 0
                    for i in 0..<g.c {
                        let inPlane = inp + (b * g.c + i) * g.h * g.w
                        let kernel = weight + (o * g.c + i) * g.kh * g.kw
                        for ky in 0..<g.kh {
                            let y = oy * g.stride + ky - g.padH
                            if y < 0 || y >= g.h { continue }
                            for kx in 0..<g.kw {
                                let x = ox * g.stride + kx - g.padW
                                if x < 0 || x >= g.w { continue }
                                sum += inPlane[y * g.w + x] * kernel[ky * g.kw + kx]
                            }
                        }
                    }
                    outPlane[oy * ow + ox] = sum
                }
            }
        }
    }
}

/// The algorithmic reference of the backward pass. Given dout (n, oc, oh, ow), it
/// *adds* the gradients into dinp (n, c, h, w), dweight (oc, c, kh, kw) and
/// dbias (oc), as llm.c does, so that branches reading one input can share dinp.
/// Pass nil for dinp when the input needs no gradient (the network's input).
public func conv2dBackwardReference(dinp: UnsafeMutablePointer<Float>?, dweight: UnsafeMutablePointer<Float>,
                                    dbias: UnsafeMutablePointer<Float>?, dout: UnsafePointer<Float>,
                                    inp: UnsafePointer<Float>, weight: UnsafePointer<Float>, _ g: ConvGeometry) {
    let (oh, ow) = (g.oh, g.ow)
    for b in 0..<g.n {
        for o in 0..<g.oc {
            let doutPlane = dout + (b * g.oc + o) * oh * ow
            for oy in 0..<oh {
                for ox in 0..<ow {
                    let d = doutPlane[oy * ow + ox]
                    dbias?[o] += d
                    for i in 0..<g.c {
                        let inOffset = (b * g.c + i) * g.h * g.w
                        let kOffset = (o * g.c + i) * g.kh * g.kw
                        for ky in 0..<g.kh {
                            let y = oy * g.stride + ky - g.padH
                            if y < 0 || y >= g.h { continue }
                            for kx in 0..<g.kw {
                                let x = ox * g.stride + kx - g.padW
                                if x < 0 || x >= g.w { continue }
                                dweight[kOffset + ky * g.kw + kx] += inp[inOffset + y * g.w + x] * d
                                dinp?[inOffset + y * g.w + x] += weight[kOffset + ky * g.kw + kx] * d
                            }
                        }
                    }
                }
            }
        }
    }
}

/// The convolution the engine calls. Same contract as `conv2dForwardReference`
/// (followed by `reluForward` with `relu`), computed by the fast path
/// (Fast/Conv2DFast.swift) on the calling thread; `outImageStride` as there.
public func conv2dForward(out: UnsafeMutablePointer<Float>, inp: UnsafePointer<Float>,
                          weight: UnsafePointer<Float>, bias: UnsafePointer<Float>?, _ g: ConvGeometry,
                          relu: Bool = false, outImageStride: Int? = nil) {
    conv2dForwardFast(out: out, inp: inp, weight: weight, bias: bias, g, relu: relu, outImageStride: outImageStride)
}

/// The backward pass the engine calls. Same contract as `conv2dBackwardReference`,
/// computed by the fast path (Fast/Conv2DFast.swift) on the calling thread.
public func conv2dBackward(dinp: UnsafeMutablePointer<Float>?, dweight: UnsafeMutablePointer<Float>,
                           dbias: UnsafeMutablePointer<Float>?, dout: UnsafePointer<Float>,
                           inp: UnsafePointer<Float>, weight: UnsafePointer<Float>, _ g: ConvGeometry) {
    conv2dBackwardFast(dinp: dinp, dweight: dweight, dbias: dbias, dout: dout, inp: inp, weight: weight, g)
}
