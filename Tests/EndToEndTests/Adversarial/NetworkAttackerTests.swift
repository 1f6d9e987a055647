import Foundation
import NazorgCrypto
import NazorgSync
import Testing

/// Anyone on the network, with nothing but the server's address (`SECURITY.md`, "Attackers inside the system"):
/// may get `/healthz` and be refused everything else; must never crash or stall the server or make it hold
/// unbounded memory. Against the real `nazorg-server` binary on loopback.
@Suite(.serialized)
struct NetworkAttackerTests {
    /// Signature headers with a well-formed but unregistered device, and `time` as the attacker writes it.
    static func forged(time: String, body: Data = Data()) -> [String: String] {
        [
            RequestSignature.deviceHeader: ID128.random().hex, RequestSignature.timeHeader: time,
            RequestSignature.nonceHeader: ID128.random().hex,
            RequestSignature.contentHashHeader: GenericHash.hash(body).base64EncodedString(),
            RequestSignature.signatureHeader: Data(count: 64).base64EncodedString(),
        ]
    }

    /// Finding 1: `Nazorg-Time: -9223372036854775808` crashed the server in the clock-skew check.
    @Test func extremeRequestTimesAreAJSONErrorAndTheServerStaysUp() async throws {
        let bed = try await AttackBed()
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        let times = [
            "-9223372036854775808", "9223372036854775807", "18446744073709551615", "-1", "+\(now)", " \(now)", "1e12", "0x10",
            "", String(repeating: "9", count: 400), "٣٣٣", "\(now).5",
        ]
        for time in times {
            let answer = try await bed.client.send("GET", "/v1/pull?after=0", headers: Self.forged(time: time))
            #expect(answer.status == 401, "time \(time.prefix(24)): HTTP \(answer.status)")
            #expect(answer.error == "unauthenticated", "time \(time.prefix(24)): \(answer.json)")
            #expect(await bed.client.isAlive(), "the server died on time \(time.prefix(24))")
        }
        // A current time with a forged signature is refused for the signature, not the time.
        let answer = try await bed.client.send("GET", "/v1/pull", headers: Self.forged(time: String(now)))
        #expect(answer.status == 401)
        #expect((answer.json["message"] as? String)?.contains("niet geregistreerd") == true)
    }

    @Test func everyMalformedSignatureHeaderIsNamedInAJSONError() async throws {
        let bed = try await AttackBed()
        let good = Self.forged(time: String(Int64(Date().timeIntervalSince1970 * 1000)))
        var cases: [(String, [String: String])] = RequestSignature.headerNames.map { name in
            ("without \(name)", good.filter { $0.key != name })
        }
        for (name, bad) in [
            (RequestSignature.deviceHeader, "not-a-device"), (RequestSignature.deviceHeader, String(repeating: "f", count: 31) + "+"),
            (RequestSignature.nonceHeader, String(repeating: "z", count: 32)), (RequestSignature.contentHashHeader, "AAAA"),
            (RequestSignature.signatureHeader, String(repeating: "A", count: 10_000)),
        ] {
            var headers = good
            headers[name] = bad
            cases.append(("\(name): \(bad.prefix(12))", headers))
        }
        for (label, headers) in cases {
            let answer = try await bed.client.send("GET", "/v1/pull", headers: headers)
            #expect(answer.status == 401, "\(label): HTTP \(answer.status)")
            #expect(answer.error == "unauthenticated", "\(label)")
        }
        #expect(await bed.client.isAlive())
    }

    /// Finding 9: bodies were buffered before the signature was checked. Now the answer comes from the headers:
    /// a push announcing 32 MiB and sending none of it is refused at once.
    @Test func anUnsignedPushIsRefusedBeforeItsBodyIsRead() async throws {
        let bed = try await AttackBed()
        let connection = try RawConnection(port: bed.server.port)
        var head = "POST /v1/push HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: \(32 << 20)\r\n"
        for (name, value) in Self.forged(time: String(Int64(Date().timeIntervalSince1970 * 1000))) { head += "\(name): \(value)\r\n" }
        #expect(connection.send(head + "\r\n"))
        let answer = try #require(connection.readHead(timeout: 5), "no answer while the body was still due")
        #expect(answer.hasPrefix("HTTP/1.1 401"), "\(answer.prefix(40))")
    }

    /// Finding 9: ten concurrent unsigned 32 MiB pushes took the server from 53 to 342 MiB.
    @Test func tenConcurrentUnsignedLargePushesDoNotGrowTheServer() async throws {
        let bed = try await AttackBed()
        _ = await bed.client.isAlive()
        let before = bed.serverResidentBytes
        let port = bed.server.port
        let chunk = Data(repeating: 0x41, count: 1 << 20)
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<10 {
                group.addTask {
                    guard let connection = try? RawConnection(port: port) else { return }
                    var head = "POST /v1/push HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: \(32 << 20)\r\n"
                    for (name, value) in Self.forged(time: String(Int64(Date().timeIntervalSince1970 * 1000))) { head += "\(name): \(value)\r\n" }
                    guard connection.send(head + "\r\n") else { return }
                    for _ in 0..<32 where connection.send(chunk) {}
                    _ = connection.readUntilClosed(timeout: 2)
                }
            }
        }
        let after = bed.serverResidentBytes
        print("{\"unsigned_32mib_pushes\":10,\"server_rss_before_mib\":\(before >> 20),\"server_rss_after_mib\":\(after >> 20)}")
        #expect(await bed.client.isAlive())
        #expect(after - before < 40 << 20, "server memory grew from \(before >> 20) to \(after >> 20) MiB")
    }

    /// Finding 9: a half-sent request was held open with no header timeout. A client that trickles its head one
    /// byte at a time (which no idle timeout notices) is cut off at the head timeout.
    @Test func aTricklingRequestHeadIsCutOff() async throws {
        let bed = try await AttackBed(serverArguments: ["--head-timeout", "2"])
        let connection = try RawConnection(port: bed.server.port)
        let start = Date()
        #expect(connection.send("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: "))
        var open = true
        while open, Date().timeIntervalSince(start) < 10 {
            open = connection.send("a")
            if open { try await Task.sleep(for: .milliseconds(250)) }
        }
        let held = Date().timeIntervalSince(start)
        #expect(!open, "the connection was still open after \(Int(held)) s")
        #expect(held < 6, "the connection was held \(held) s")
        // An idle connection that never sends a request is closed too.
        let idle = try RawConnection(port: bed.server.port)
        #expect(idle.readUntilClosed(timeout: 6) != nil, "an idle connection was kept open")
        #expect(await bed.client.isAlive())
    }
}
