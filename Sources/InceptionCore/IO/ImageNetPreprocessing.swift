/// torchvision's ImageNet preprocessing (`GoogLeNet_Weights.IMAGENET1K_V1.transforms()`):
/// shorter side to 256 with Pillow's antialiased bilinear resize, centre crop 224,
/// 0–1, then the ImageNet mean and standard deviation. It follows Pillow's integer
/// arithmetic (`Resample.c`: an 8-bit pass along x, then along y, 22-bit fixed-point
/// weights), so the tensor is the one PyTorch would see, not merely close to it.
public enum ImageNetPreprocessing {
    public static let resizeTo = 256
    public static let cropTo = 224
    /// The most elongated image accepted: the resize makes the longer side ratio x 256
    /// pixels before the crop, so an 8192x1 strip would need gigabytes.
    public static let maximumAspectRatio = 16

    /// Where a `width` x `height` image goes: its size after the resize (shorter side
    /// 256, the other scaled and truncated as torchvision's `Resize` does) and the
    /// top-left corner of the centre crop in it; a `UserError` for an image more
    /// elongated than `maximumAspectRatio`.
    public static func geometry(width: Int, height: Int) throws -> (width: Int, height: Int, left: Int, top: Int) {
        let short = min(width, height)
        guard max(width, height) <= maximumAspectRatio * short else {
            throw UserError("a \(width)x\(height) image is too elongated for ImageNet's preprocessing "
                            + "(sides at most \(maximumAspectRatio):1)")
        }
        let (w, h) = width <= height ? (resizeTo, resizeTo * height / short) : (resizeTo * width / short, resizeTo)
        let top = Int((Double(h - cropTo) / 2).rounded(.toNearestOrEven))
        let left = Int((Double(w - cropTo) / 2).rounded(.toNearestOrEven))
        return (w, h, left, top)
    }

    /// The normalised input (1, 3, 224, 224) for `image`, or a `UserError` for an image
    /// more elongated than `maximumAspectRatio`.
    public static func tensor(_ image: RGBImage) throws -> Tensor {
        let g = try geometry(width: image.width, height: image.height)
        let (w, top, left) = (g.width, g.top, g.left)
        let resized = resample(image, width: g.width, height: g.height)
        var data = [Float](repeating: 0, count: 3 * cropTo * cropTo)
        for c in 0..<3 {
            let mean = ImageNetStatistics.mean[c], std = ImageNetStatistics.std[c]
            for y in 0..<cropTo {
                for x in 0..<cropTo {
                    let v = Float(resized.bytes[((top + y) * w + left + x) * 3 + c]) / 255
                    data[(c * cropTo + y) * cropTo + x] = (v - mean) / std
                }
            }
        }
        return Tensor(shape: [1, 3, cropTo, cropTo], data: data)
    }

    static let precisionBits = 22

    /// Pillow's bilinear resample, x first (if the width changes), then y.
    static func resample(_ image: RGBImage, width: Int, height: Int) -> RGBImage {
        var current = image
        if width != image.width { current = pass(current, out: width, horizontal: true) }
        if height != image.height { current = pass(current, out: height, horizontal: false) }
        return current
    }

    /// One axis of the resample on 8-bit data.
    private static func pass(_ image: RGBImage, out: Int, horizontal: Bool) -> RGBImage {
        let inSize = horizontal ? image.width : image.height
        let taps = coefficients(inSize: inSize, outSize: out)
        let (ow, oh) = horizontal ? (out, image.height) : (image.width, out)
        var bytes = [UInt8](repeating: 0, count: ow * oh * 3)
        let src = image.bytes
        for y in 0..<oh {
            for x in 0..<ow {
                let (i, fixedIndex) = horizontal ? (x, y) : (y, x)
                let (start, weights) = taps[i]
                for c in 0..<3 {
                    var sum: Int32 = 1 << (precisionBits - 1)
                    for (k, weight) in weights.enumerated() {
                        let p = horizontal ? (fixedIndex * image.width + start + k) : ((start + k) * image.width + fixedIndex)
                        sum &+= Int32(src[p * 3 + c]) &* weight
                    }
                    bytes[(y * ow + x) * 3 + c] = UInt8(min(max(sum >> Int32(precisionBits), 0), 255))
                }
            }
        }
        return RGBImage(width: ow, height: oh, bytes: bytes)
    }

    /// For each output index, the first input tap and the fixed-point weights
    /// (Pillow's `precompute_coeffs` with the triangle filter, then `normalize_coeffs_8bpc`).
    static func coefficients(inSize: Int, outSize: Int) -> [(start: Int, weights: [Int32])] {
        let scale = Double(inSize) / Double(outSize)
        let filterScale = max(scale, 1)
        let support = filterScale
        return (0..<outSize).map { i in
            let center = (Double(i) + 0.5) * scale
            let xmin = max(Int(center - support + 0.5), 0)
            let xmax = min(Int(center + support + 0.5), inSize)
            let raw = (xmin..<xmax).map { x in max(0, 1 - abs((Double(x) - center + 0.5) / filterScale)) }
            let total = raw.reduce(0, +)
            let one = Double(1 << precisionBits)
            let fixed = raw.map { w -> Int32 in
                let v = total != 0 ? w / total : w
                return Int32(v < 0 ? (-0.5 + v * one).rounded(.towardZero) : (0.5 + v * one).rounded(.towardZero))
            }
            return (xmin, fixed)
        }
    }
}
