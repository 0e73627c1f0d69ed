// Max pooling, forward and backward. Shapes: inp (n, c, h, w), out (n, c, oh, ow).
// Padding counts as -inf, so it never wins. Both passes first copy a plane into
// a buffer framed with -inf, (oh-1)*stride + kernel on each side, so that every
// window reads only that buffer and no loop needs to clip at the borders.

/// Copies plane (h, w) into `framed` (ph, pw), with -inf wherever a window reads
/// padding (or, in ceil mode, past it).
@inline(__always)
private func frame(_ framed: UnsafeMutablePointer<Float>, _ plane: UnsafePointer<Float>, _ g: PoolGeometry, ph: Int, pw: Int) {
    let cols = min(g.w, pw - g.pad)
    for fy in 0..<ph {
        let dst = framed + fy * pw, y = fy - g.pad
        guard y >= 0 && y < g.h else {
            dst.update(repeating: -.infinity, count: pw)
            continue
        }
        dst.update(repeating: -.infinity, count: g.pad)
        (dst + g.pad).update(from: plane + y * g.w, count: cols)
        (dst + g.pad + cols).update(repeating: -.infinity, count: pw - g.pad - cols)
    }
}

/// The eight values src[0], src[s], ..., src[7s] for stride s of 1 or 2 (for 2,
/// one 16-wide load and its even lanes; it reads one float past the last lane,
/// which the framed buffer's slack allows).
@inline(__always)
private func load8(_ src: UnsafePointer<Float>, stride s: Int) -> SIMD8<Float> {
    let raw = UnsafeRawPointer(src)
    return s == 1 ? raw.loadUnaligned(as: SIMD8<Float>.self) : raw.loadUnaligned(as: SIMD16<Float>.self).evenHalf
}

/// Strides whose windows `load8` reads eight at a time.
@inline(__always)
private func vectorised(_ s: Int) -> Bool { s == 1 || s == 2 }

/// Calls body(planes, framed buffer, ph, pw) for all the planes, with one framed buffer.
private func withFramedPlanes(_ g: PoolGeometry,
                              _ body: (Range<Int>, UnsafeMutablePointer<Float>, Int, Int) -> Void) {
    let ph = (g.oh - 1) * g.stride + g.kernel, pw = (g.ow - 1) * g.stride + g.kernel
    let framed = UnsafeMutablePointer<Float>.allocate(capacity: ph * pw + 16)
    defer { framed.deallocate() }
    body(0..<g.planes, framed, ph, pw)
}

/// out (n, c, oh, ow) = the maximum of each window of inp (n, c, h, w).
/// With stride 1 or 2 eight outputs of a row are computed at once.
public func maxPool2dForward(out: UnsafeMutablePointer<Float>, inp: UnsafePointer<Float>, _ g: PoolGeometry) {
    let (oh, ow, k, s) = (g.oh, g.ow, g.kernel, g.stride)
    withFramedPlanes(g) { planes, framed, ph, pw in
        for p in planes {
            frame(framed, inp + p * g.h * g.w, g, ph: ph, pw: pw)
            for oy in 0..<oh {
                let row = out + (p * oh + oy) * ow
                var ox = 0
                while vectorised(s) && ox + 8 <= ow {
                    var acc = SIMD8<Float>(repeating: -.infinity)
                    for ky in 0..<k {
                        let src = framed + (oy * s + ky) * pw + ox * s
                        for kx in 0..<k {
                            let v = load8(src + kx, stride: s)
                            acc = acc.replacing(with: v, where: v .> acc)
                        }
                    }
                    UnsafeMutableRawPointer(row + ox).storeBytes(of: acc, as: SIMD8<Float>.self)
                    ox += 8
                }
                while ox < ow {
                    var best = -Float.infinity
                    for ky in 0..<k {
                        let src = framed + (oy * s + ky) * pw + ox * s
                        for kx in 0..<k {
                            best = max(best, src[kx])
                        }
                    }
                    row[ox] = best
                    ox += 1
                }
            }
        }
    }
}

/// Adds each dout (n, c, oh, ow) into dinp (n, c, h, w) at the position that won
/// its window: the first, scanning row by row, that equals the forward output
/// `out` (PyTorch's rule for ties; padding is -inf, so it wins only a window of
/// padding alone, which PyTorch's pad <= kernel/2 rules out). No index buffer is kept.
public func maxPool2dBackward(dinp: UnsafeMutablePointer<Float>, dout: UnsafePointer<Float>,
                              inp: UnsafePointer<Float>, out: UnsafePointer<Float>, _ g: PoolGeometry) {
    let (oh, ow, k, s) = (g.oh, g.ow, g.kernel, g.stride)
    withFramedPlanes(g) { planes, framed, ph, pw in
        for p in planes {
            frame(framed, inp + p * g.h * g.w, g, ph: ph, pw: pw)
            let dplane = dinp + p * g.h * g.w
            // Adds dout[o] at row ky, column kx of the window at (oy, ox).
            func scatter(_ o: Int, _ oy: Int, _ ox: Int, _ ky: Int, _ kx: Int) {
                let y = oy * s + ky - g.pad, x = ox * s + kx - g.pad
                if y >= 0 && y < g.h && x >= 0 && x < g.w { dplane[y * g.w + x] += dout[o] }
            }
            for oy in 0..<oh {
                var ox = 0
                // Stride 1 or 2: eight windows at once; a lane keeps the first
                // (ky << 16 | kx) whose value equals its output.
                while vectorised(s) && ox + 8 <= ow {
                    let o = (p * oh + oy) * ow + ox
                    let target = UnsafeRawPointer(out + o).loadUnaligned(as: SIMD8<Float>.self)
                    var found = SIMDMask<SIMD8<Int32>>(repeating: false)
                    var offset = SIMD8<Int32>(repeating: -1)
                    for ky in 0..<k {
                        let src = framed + (oy * s + ky) * pw + ox * s
                        for kx in 0..<k {
                            let v = load8(src + kx, stride: s)
                            let hit = (v .== target) .& .!found
                            offset.replace(with: Int32(ky << 16 | kx), where: hit)
                            found .|= hit
                        }
                    }
                    for lane in 0..<8 where offset[lane] >= 0 {
                        scatter(o + lane, oy, ox + lane, Int(offset[lane] >> 16), Int(offset[lane] & 0xFFFF))
                    }
                    ox += 8
                }
                while ox < ow {
                    let o = (p * oh + oy) * ow + ox
                    search: for ky in 0..<k {
                        let src = framed + (oy * s + ky) * pw + ox * s
                        for kx in 0..<k where src[kx] == out[o] {
                            scatter(o, oy, ox, ky, kx)
                            break search
                        }
                    }
                    ox += 1
                }
            }
        }
    }
}
