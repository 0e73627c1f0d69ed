import Foundation

/// The names of a network's classes, by index: the tiny network's shape classes,
/// ImageNet's 1000 (`Photos/imagenet-classes.txt`, torchvision's index order), or
/// "class k" for any other count.
public struct ClassNames: Sendable, Equatable {
    public let names: [String]

    /// The file of ImageNet class names shipped with the package.
    public static let imageNetPath = PackageDirectory.path("Photos/imagenet-classes.txt")

    /// The names for a network with `classes` outputs.
    public init(classes: Int) {
        if classes == ShapeClass.count {
            names = ShapeClass.names
        } else if classes == 1000, let text = try? String(contentsOfFile: Self.imageNetPath, encoding: .utf8) {
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            names = lines.count >= 1000 ? Array(lines.prefix(1000)) : (0..<classes).map { "class \($0)" }
        } else {
            names = (0..<classes).map { "class \($0)" }
        }
    }

    public subscript(index: Int) -> String { names.indices.contains(index) ? names[index] : "class \(index)" }
}

/// One of the most probable classes.
public struct RankedClass: Sendable, Equatable {
    public let index: Int
    public let name: String
    public let probability: Float
}

extension ClassNames {
    /// The `count` most probable classes, most probable first (ties by index).
    public func top(_ count: Int, of probabilities: [Float]) -> [RankedClass] {
        probabilities.indices
            .sorted { probabilities[$0] != probabilities[$1] ? probabilities[$0] > probabilities[$1] : $0 < $1 }
            .prefix(count)
            .map { RankedClass(index: $0, name: self[$0], probability: probabilities[$0]) }
    }
}
