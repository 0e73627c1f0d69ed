/// A dataset drawn once into memory: training visits every image several times,
/// and copying a drawn image is far cheaper than drawing it again.
public struct LabelledImages: Sendable {
    /// (count, 1, 32, 32) images, row-major.
    public let images: [Float]
    public let labels: [Int]

    public var count: Int { labels.count }

    /// Every sample of `dataset`, drawn on all cores.
    public init(_ dataset: Dataset) {
        let (tensor, labels) = dataset.batch(0..<dataset.count)
        self.images = tensor.data
        self.labels = labels
    }

    /// The samples at `indices` as an (n, 1, 32, 32) batch and their labels.
    public func batch(_ indices: some Collection<Int>) -> (images: Tensor, labels: [Int32]) {
        let size = Dataset.imageSize, side = GrayImage.networkSide
        var data = [Float]()
        data.reserveCapacity(indices.count * size)
        for i in indices { data.append(contentsOf: images[i * size..<(i + 1) * size]) }
        return (Tensor(shape: [indices.count, 1, side, side], data: data), indices.map { Int32(labels[$0]) })
    }
}
