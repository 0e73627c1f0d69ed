/// What `run` feeds the network: an image file, a fresh sample of a class, or an
/// image of the test split.
public enum RunInput: Sendable, Equatable {
    case image(path: String)
    case sample(ShapeClass)
    case index(Int)

    /// The seed of `--sample` images: fixed, so the same command shows the same image.
    public static let sampleSeed: UInt64 = 7

    /// The one input the options name (`--index 0` when none does).
    public init(image: String?, sample: String?, index: Int?) throws {
        let given = [image != nil, sample != nil, index != nil].filter { $0 }.count
        guard given <= 1 else { throw UserError("give only one of --image, --sample and --index") }
        if let image {
            self = .image(path: image)
        } else if let sample {
            self = .sample(try ShapeClass(name: sample))
        } else {
            let split = DatasetSplit.test
            let index = index ?? 0
            guard (0..<split.count).contains(index) else {
                throw UserError("--index \(index) is outside the test split (0 to \(split.count - 1))")
            }
            self = .index(index)
        }
    }

    /// A few words on where the input came from.
    public var summary: String {
        switch self {
        case .image(let path): path
        case .sample(let shape): "a fresh \(shape.name) sample (seed \(Self.sampleSeed))"
        case .index(let i): "test image \(i) (\(Dataset(split: .test).label(at: i).name))"
        }
    }

    /// The network input: (1, 1, h, w) grey for a 1-channel network (only a file keeps
    /// its own size, and only with `resize` false); for a 3-channel network the image in
    /// RGB as torchvision's ImageNet preprocessing prepares it, (1, 3, 224, 224).
    public func tensor(resize: Bool, channels: Int = 1) throws -> Tensor {
        guard channels == 1 else {
            guard resize else { throw UserError("--no-resize is for 1-channel networks; a 3-channel network reads 224x224 crops") }
            switch self {
            case .image(let path): return try ImageNetPreprocessing.tensor(try ImageFile.loadRGB(path: path))
            case .sample, .index:
                let grey = try tensor(resize: true)
                let image = GrayImage(width: grey.shape[3], height: grey.shape[2], pixels: grey.data)
                return try ImageNetPreprocessing.tensor(RGBImage(gray: image))
            }
        }
        return switch self {
        case .image(let path): try ImageFile.networkInput(path: path, resize: resize)
        case .sample(let shape): Dataset.sample(of: shape, seed: Self.sampleSeed).tensor
        case .index(let i): Dataset(split: .test).image(at: i).tensor
        }
    }
}
