// Channel concatenation, forward and backward (the split). Every part has the
// same n and the same plane size hw; part k is (n, c_k, h, w) and the output is
// (n, sum c_k, h, w) with the parts' channels in order.

/// One input of a concatenation: its buffer and its channel count.
public struct ConcatPart {
    public let data: UnsafePointer<Float>
    public let channels: Int
    public init(_ data: UnsafePointer<Float>, channels: Int) {
        self.data = data
        self.channels = channels
    }
}

/// Copies the parts, image by image, into out (n, sum c_k, h, w).
public func concatForward(out: UnsafeMutablePointer<Float>, parts: [ConcatPart], n: Int, hw: Int) {
    let total = parts.reduce(0) { $0 + $1.channels }
    var offset = 0
    for part in parts {
        let size = part.channels * hw
        for b in 0..<n {
            (out + (b * total + offset) * hw).update(from: part.data + b * size, count: size)
        }
        offset += part.channels
    }
}

/// Adds the channels of dout (n, total, h, w) that belong to part k into dparts[k]
/// (n, c_k, h, w); `channels[k]` is c_k.
public func concatBackward(dparts: [UnsafeMutablePointer<Float>], channels: [Int],
                           dout: UnsafePointer<Float>, n: Int, hw: Int) {
    let total = channels.reduce(0, +)
    var offset = 0
    for (dpart, c) in zip(dparts, channels) {
        let size = c * hw
        for b in 0..<n {
            let src = dout + (b * total + offset) * hw
            let dst = dpart + b * size
            for i in 0..<size {
                dst[i] += src[i]
            }
        }
        offset += c
    }
}

/// Floats of a batch tensor read where they lie: `images` runs of `length` floats,
/// `stride` apart. Part k of a concatenation (n, total, h, w) is one, with length
/// c_k·hw and stride total·hw, so the backward pass reads each part's gradient in
/// place; `concatBackward` is the plain version that copies it out.
struct ImageRuns {
    let base: UnsafePointer<Float>
    let images: Int, length: Int, stride: Int

    init(base: UnsafePointer<Float>, images: Int, length: Int, stride: Int) {
        (self.base, self.images, self.length, self.stride) = (base, images, length, stride)
    }

    /// `count` contiguous floats, as one run.
    init(contiguous base: UnsafePointer<Float>, count: Int) {
        self.init(base: base, images: 1, length: count, stride: count)
    }

    /// The runs one after another in a new array (images · length floats).
    func gathered() -> [Float] {
        [Float](unsafeUninitializedCapacity: images * length) { buffer, initialized in
            for image in 0..<images {
                (buffer.baseAddress! + image * length).update(from: base + image * stride, count: length)
            }
            initialized = images * length
        }
    }
}

/// Where part k (`channels[k]` channels) of dout (n, sum c_k, h, w) lies, for every part.
func concatParts(_ dout: UnsafePointer<Float>, channels: [Int], n: Int, hw: Int) -> [ImageRuns] {
    let total = channels.reduce(0, +)
    var offset = 0
    return channels.map { c in
        defer { offset += c }
        return ImageRuns(base: dout + offset * hw, images: n, length: c * hw, stride: total * hw)
    }
}
