/// The Pearson correlation between the channels of a feature map, over every
/// (image, y, x) position it is fed: running sums of each channel and of each
/// pair's product, in Double.
struct ChannelCorrelation {
    let channels: Int
    private(set) var samples = 0
    private var sum: [Double]
    /// channels x channels, upper triangle used.
    private var products: [Double]
    private var maximum: [Float]

    init(channels: Int) {
        self.channels = channels
        sum = [Double](repeating: 0, count: channels)
        products = [Double](repeating: 0, count: channels * channels)
        maximum = [Float](repeating: 0, count: channels)
    }

    /// Adds the branches of one batch: each (n, c_b, h, w), concatenated along channels.
    mutating func add(_ parts: [Tensor]) {
        let (n, hw) = (parts[0].shape[0], parts[0].shape[2] * parts[0].shape[3])
        var v = [Double](repeating: 0, count: channels)
        for image in 0..<n {
            for p in 0..<hw {
                var c = 0
                for part in parts {
                    let pc = part.shape[1]
                    for k in 0..<pc { v[c + k] = Double(part.data[(image * pc + k) * hw + p]) }
                    c += pc
                }
                for i in 0..<channels {
                    let vi = v[i]
                    sum[i] += vi
                    maximum[i] = max(maximum[i], Float(vi))
                    if vi == 0 { continue }
                    for j in i..<channels { products[i * channels + j] += vi * v[j] }
                }
            }
        }
        samples += n * hw
    }

    /// Channels that never fired (zero at every position after ReLU).
    var dead: [Int] { (0..<channels).filter { maximum[$0] <= 0 } }

    /// The correlation of channels i and j (both alive).
    func correlation(_ i: Int, _ j: Int) -> Double {
        let (a, b) = (min(i, j), max(i, j))
        let s = Double(samples)
        let cov = products[a * channels + b] / s - (sum[a] / s) * (sum[b] / s)
        let va = products[a * channels + a] / s - (sum[a] / s) * (sum[a] / s)
        let vb = products[b * channels + b] / s - (sum[b] / s) * (sum[b] / s)
        guard va > 0, vb > 0 else { return a == b ? 1 : 0 }
        return a == b ? 1 : max(-1, min(1, cov / (va * vb).squareRoot()))
    }
}
