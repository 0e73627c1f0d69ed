/// The six widths of an Inception module, in the column order of Table 1 of the paper.
///
/// An output width of 0 removes its branch (the branch's reduce width is then ignored);
/// a module must keep at least one branch.
public struct InceptionWidths: Hashable, Codable, Sendable {
    public var n1x1: Int
    public var n3x3red: Int
    public var n3x3: Int
    public var n5x5red: Int
    public var n5x5: Int
    public var poolProj: Int

    public init(_ n1x1: Int, _ n3x3red: Int, _ n3x3: Int, _ n5x5red: Int, _ n5x5: Int, _ poolProj: Int) {
        self.n1x1 = n1x1
        self.n3x3red = n3x3red
        self.n3x3 = n3x3
        self.n5x5red = n5x5red
        self.n5x5 = n5x5
        self.poolProj = poolProj
    }

    /// The field names as `--set`, tables and lesson widgets spell them, in column order.
    public static let fieldNames = ["n1x1", "n3x3red", "n3x3", "n5x5red", "n5x5", "poolproj"]

    /// The largest width accepted anywhere (a guard against typos like 1e9).
    public static let maximumWidth = 65_536

    /// The width named by one of `fieldNames`, or nil for an unknown name.
    public subscript(field name: String) -> Int? {
        get {
            switch name {
            case "n1x1": n1x1
            case "n3x3red": n3x3red
            case "n3x3": n3x3
            case "n5x5red": n5x5red
            case "n5x5": n5x5
            case "poolproj": poolProj
            default: nil
            }
        }
        set {
            guard let value = newValue else { return }
            switch name {
            case "n1x1": n1x1 = value
            case "n3x3red": n3x3red = value
            case "n3x3": n3x3 = value
            case "n5x5red": n5x5red = value
            case "n5x5": n5x5 = value
            case "poolproj": poolProj = value
            default: break
            }
        }
    }

    /// The widths in `fieldNames` order.
    public var all: [Int] { [n1x1, n3x3red, n3x3, n5x5red, n5x5, poolProj] }

    /// Channels of the concatenated output of the 1x1-reduced module.
    public var outChannels: Int { n1x1 + n3x3 + n5x5 + poolProj }

    /// Channels of the naive module's output: without its projection the pool
    /// branch passes all `inChannels` through, so the module grows its input.
    public func naiveOutChannels(inChannels: Int) -> Int { n1x1 + n3x3 + n5x5 + inChannels }
}
