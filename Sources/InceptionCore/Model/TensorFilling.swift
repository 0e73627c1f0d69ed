extension Tensor {
    /// A tensor whose every element `fill` writes (a kernel's output): the buffer
    /// is not zeroed first, which saved a memset of every activation per layer.
    init(shape: [Int], filledBy fill: (UnsafeMutablePointer<Float>) -> Void) {
        let count = shape.reduce(1, *)
        let data = [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
            fill(buffer.baseAddress!)
            initialized = count
        }
        self.init(shape: shape, data: data)
    }
}
