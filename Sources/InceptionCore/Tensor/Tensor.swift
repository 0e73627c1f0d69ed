/// A dense array of `Float` with its shape, stored row-major (for images: NCHW).
///
/// A value type: copying a tensor copies its elements lazily (copy-on-write of
/// the underlying array), so kernels take the buffer pointer once, outside
/// their loops, and never index `data` element by element in a hot loop.
public struct Tensor: Equatable, Sendable {
    /// The extent of each dimension, outermost first (`[n, c, h, w]` for images).
    public var shape: [Int]
    /// The elements, row-major; `data.count == shape.reduce(1, *)`.
    public var data: [Float]

    /// A tensor holding `data`, which must have exactly `shape.reduce(1, *)` elements.
    public init(shape: [Int], data: [Float]) {
        precondition(shape.allSatisfy { $0 >= 0 }, "negative dimension in \(shape)")
        precondition(data.count == shape.reduce(1, *), "\(data.count) values for shape \(shape)")
        self.shape = shape
        self.data = data
    }

    /// A tensor of the given shape filled with `value` (zero by default).
    public init(shape: [Int], repeating value: Float = 0) {
        self.init(shape: shape, data: [Float](repeating: value, count: shape.reduce(1, *)))
    }

    /// The number of elements.
    public var count: Int { data.count }

    /// The same elements under another shape with the same element count.
    public func reshaped(_ newShape: [Int]) -> Tensor {
        Tensor(shape: newShape, data: data)
    }
}
