/// The ten classes of the dataset, in their fixed order (the index is the label the
/// network's logits use). The kebab-case `name` is the one spelling used everywhere:
/// `--sample`, the `predicted` field, exported file names, lesson widgets.
///
/// Three pairs differ only in size or stroke width (`ring-small`/`ring-large`,
/// `bar-thin`/`bar-thick`, `dot`/`disc`), so a network must look at scale, which is
/// what the parallel 1x1 / 3x3 / 5x5 branches of an Inception module are for.
public enum ShapeClass: Int, CaseIterable, Sendable, CustomStringConvertible {
    case ringSmall, ringLarge, barThin, barThick, dot, disc, plus, cross, square, triangle

    /// The number of classes.
    public static let count = allCases.count

    /// All class names in label order.
    public static let names = allCases.map(\.name)

    /// The kebab-case name (`ring-small`).
    public var name: String {
        switch self {
        case .ringSmall: "ring-small"
        case .ringLarge: "ring-large"
        case .barThin: "bar-thin"
        case .barThick: "bar-thick"
        case .dot: "dot"
        case .disc: "disc"
        case .plus: "plus"
        case .cross: "cross"
        case .square: "square"
        case .triangle: "triangle"
        }
    }

    public var description: String { name }

    /// The class called `name`, or a `UserError` listing the valid names.
    public init(name: String) throws {
        guard let found = Self.allCases.first(where: { $0.name == name }) else {
            throw UserError("unknown class '\(name)'; the classes are \(Self.names.joined(separator: ", "))")
        }
        self = found
    }
}
