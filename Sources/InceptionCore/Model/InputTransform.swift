/// The ImageNet statistics torchvision normalises photos with (per RGB channel),
/// shared by the photo preprocessing and torchvision's `transform_input`.
public enum ImageNetStatistics {
    public static let mean: [Float] = [0.485, 0.456, 0.406]
    public static let std: [Float] = [0.229, 0.224, 0.225]
}

extension NetworkDescription {
    /// The input as layer 0 reads it: unchanged, or with `transformInput` torchvision's
    /// re-scaling of channel c to `x * (std_c / 0.5) + (mean_c - 0.5) / 0.5`, which turns
    /// ImageNet-normalised input into the (x - 0.5) / 0.5 scaling the original
    /// TensorFlow weights were trained on. It cannot be folded into conv1: conv1 pads
    /// with zeros after the transform, not before.
    func transformedInput(_ x: Tensor) -> Tensor {
        guard transformInput, x.shape.count == 4, x.shape[1] == 3 else { return x }
        var out = x
        let plane = x.shape[2] * x.shape[3]
        out.data.withUnsafeMutableBufferPointer { p in
            for image in 0..<x.shape[0] {
                for c in 0..<3 {
                    let scale = ImageNetStatistics.std[c] / 0.5
                    let shift = (ImageNetStatistics.mean[c] - 0.5) / 0.5
                    let start = (image * 3 + c) * plane
                    for i in start..<start + plane { p[i] = p[i] * scale + shift }
                }
            }
        }
        return out
    }
}
