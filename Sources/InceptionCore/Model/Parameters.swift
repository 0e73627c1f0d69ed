/// The learnable tensors of a network, in the order and with the names of the
/// PyTorch `state_dict` of the same network (`stem.weight`, `inception3a.branch1x1.bias`, …).
///
/// All values live in one flat array, so that kernels can take one pointer and
/// an offset per tensor, and an optimizer can update every parameter in one loop.
/// Gradients use the same type (`zeros()`), so the two always line up.
public struct Parameters: Equatable, Sendable {
    /// One named tensor: its shape and where its values start in `values`.
    public struct Entry: Equatable, Sendable {
        public let name: String
        public let shape: [Int]
        public let offset: Int
        public var count: Int { shape.reduce(1, *) }
    }

    public private(set) var entries: [Entry] = []
    /// Every tensor's values, one after another in `entries` order (set only
    /// inside the module, so that the count always matches `entries`).
    public internal(set) var values: [Float] = []
    private var index: [String: Int] = [:]

    public init() {}

    /// Appends a tensor under `name` and returns the offset of its values.
    @discardableResult
    public mutating func append(_ name: String, _ tensor: Tensor) -> Int {
        precondition(index[name] == nil, "duplicate parameter \(name)")
        let offset = values.count
        index[name] = entries.count
        entries.append(Entry(name: name, shape: tensor.shape, offset: offset))
        values.append(contentsOf: tensor.data)
        return offset
    }

    /// The names in state_dict order.
    public var names: [String] { entries.map(\.name) }

    /// The entry called `name`, if there is one.
    public func entry(_ name: String) -> Entry? { index[name].map { entries[$0] } }

    /// The tensor called `name`; setting it requires the same shape.
    public subscript(name: String) -> Tensor? {
        get {
            guard let e = entry(name) else { return nil }
            return Tensor(shape: e.shape, data: Array(values[e.offset..<e.offset + e.count]))
        }
        set {
            guard let e = entry(name), let t = newValue else { preconditionFailure("cannot set parameter \(name)") }
            precondition(t.shape == e.shape, "shape \(t.shape) for \(name), expected \(e.shape)")
            values.replaceSubrange(e.offset..<e.offset + e.count, with: t.data)
        }
    }

    /// The same names and shapes with every value 0 (a gradient accumulator).
    public func zeros() -> Parameters {
        var copy = self
        copy.values = [Float](repeating: 0, count: values.count)
        return copy
    }
}
