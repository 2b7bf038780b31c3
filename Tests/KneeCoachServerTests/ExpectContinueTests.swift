import HTTPTypes
import NIOCore
import NIOEmbedded
import NIOHTTPTypes
import Testing

@testable import KneeCoachServer

/// A request that asks `Expect: 100-continue` gets `100 Continue` before its body is read;
/// others get nothing extra. Every request part goes on unchanged.
struct ExpectContinueTests {
    @Test func anUploadThatAsksIsToldToContinue() throws {
        let channel = EmbeddedChannel(handler: ExpectContinueHandler())
        var head = HTTPRequest(method: .post, scheme: "http", authority: "x", path: "/api/v1/import?name=a.fit")
        head.headerFields[.expect] = "100-continue"
        try channel.writeInbound(HTTPRequestPart.head(head))
        let answer = try #require(try channel.readOutbound(as: HTTPResponsePart.self))
        guard case .head(let response) = answer else { Issue.record("not a head: \(answer)"); return }
        #expect(response.status == .continue)
        guard case .head(let passed)? = try channel.readInbound(as: HTTPRequestPart.self) else {
            Issue.record("the request head was not passed on")
            return
        }
        #expect(passed.path == head.path)
        _ = try channel.finish()
    }

    @Test func aRequestThatDoesNotAskGetsNothingExtra() throws {
        let channel = EmbeddedChannel(handler: ExpectContinueHandler())
        try channel.writeInbound(HTTPRequestPart.head(HTTPRequest(method: .get, scheme: "http", authority: "x", path: "/health/live")))
        #expect(try channel.readOutbound(as: HTTPResponsePart.self) == nil)
        #expect(try channel.readInbound(as: HTTPRequestPart.self) != nil)
        _ = try channel.finish()
    }
}
