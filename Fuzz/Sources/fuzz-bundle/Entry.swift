import NazorgFuzzing

/// libFuzzer's entry: one input through `FuzzTarget.bundle`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ start: UnsafeRawPointer?, _ count: Int) -> CInt { FuzzTarget.bundle.fuzz(start, count) }
