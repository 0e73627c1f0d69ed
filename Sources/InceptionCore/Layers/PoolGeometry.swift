/// The sizes of one max or average pooling over a batch of NCHW feature maps:
/// square window, square stride, symmetric padding, floor or ceil mode.
public struct PoolGeometry: Hashable, Sendable {
    public let n: Int, c: Int, h: Int, w: Int
    public let window: PoolSpec

    /// Output height and width: stored, since the kernels read them in their loops.
    public let oh: Int, ow: Int

    public init(n: Int, c: Int, h: Int, w: Int, window: PoolSpec) {
        self.n = n
        self.c = c
        self.h = h
        self.w = w
        self.window = window
        (oh, ow) = (window.outputSize(h), window.outputSize(w))
    }

    public var kernel: Int { window.kernel }
    public var stride: Int { window.stride }
    public var pad: Int { window.padding }
    /// Input planes (one per image and channel); pooling treats each on its own.
    public var planes: Int { n * c }
}
