import CCurl
import Foundation

/// One request through a libcurl easy handle, performed on the calling thread, which it blocks.
///
/// The handle is created, used and cleaned up inside `perform`: it never leaves the thread.
enum HTTPCurlTransfer {
    /// Sends `request` and waits for the whole answer; `isCancelled` is polled by libcurl's
    /// progress callback (about once a second while nothing arrives) to abandon the transfer.
    static func perform(_ request: HTTPRequest, library: HTTPCurlLibrary,
                        isCancelled: @escaping () -> Bool) -> Result<HTTPResponse, HTTPTransportError> {
        let api = library.api
        guard let handle = evalcrew_curl_easy_init(api) else { return .failure(.failed("curl_easy_init failed")) }
        defer { evalcrew_curl_easy_cleanup(api, handle) }

        var headerList: UnsafeMutablePointer<curl_slist>?
        defer { if headerList != nil { evalcrew_curl_slist_free_all(api, headerList) } }
        // `Expect:` with no value stops libcurl waiting for `100 Continue` before sending a body.
        for line in request.headers + ["Expect:"] {
            guard let appended = evalcrew_curl_slist_append(api, headerList, line) else {
                return .failure(.failed("out of memory building the request headers"))
            }
            headerList = appended
        }
        let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        defer { errorBuffer.deallocate() }
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)

        let sink = HTTPTransferSink(limit: request.maxResponseBytes, isCancelled: isCancelled)
        let sinkPointer = Unmanaged.passUnretained(sink).toOpaque()
        var setup = HTTPCurlSetup(api: api, handle: handle)
        setup.set(CURLOPT_URL, request.url)
        setup.set(CURLOPT_NOSIGNAL, 1)  // several threads use libcurl; signals would hit any of them
        setup.set(CURLOPT_FOLLOWLOCATION, 0)
        setup.set(CURLOPT_CONNECTTIMEOUT_MS, milliseconds(request.connectTimeout))
        setup.set(CURLOPT_TIMEOUT_MS, milliseconds(request.timeout))
        setup.set(CURLOPT_USERAGENT, "evalcrew/\(Evaluator.version)")
        setup.set(CURLOPT_HTTPHEADER, pointer: UnsafeMutableRawPointer(headerList))
        setup.set(CURLOPT_ERRORBUFFER, pointer: UnsafeMutableRawPointer(errorBuffer))
        switch request.method {
        case .get:
            setup.set(CURLOPT_HTTPGET, 1)
        case .post:
            let body = request.body ?? Data()
            setup.set(CURLOPT_POST, 1)
            setup.set(CURLOPT_POSTFIELDSIZE, body.count)
            // COPYPOSTFIELDS copies the bytes (POSTFIELDSIZE of them): the buffer need not outlive this call.
            if body.isEmpty {
                setup.set(CURLOPT_COPYPOSTFIELDS, "")
            } else {
                body.withUnsafeBytes { setup.set(CURLOPT_COPYPOSTFIELDS, pointer: UnsafeMutableRawPointer(mutating: $0.baseAddress)) }
            }
        }
        setup.setCallback(CURLOPT_WRITEFUNCTION, HTTPTransferSink.write)
        setup.set(CURLOPT_WRITEDATA, pointer: sinkPointer)
        setup.setCallback(CURLOPT_HEADERFUNCTION, HTTPTransferSink.header)
        setup.set(CURLOPT_HEADERDATA, pointer: sinkPointer)
        setup.set(CURLOPT_NOPROGRESS, 0)
        setup.setProgressCallback(HTTPTransferSink.progress)
        setup.set(CURLOPT_XFERINFODATA, pointer: sinkPointer)
        if let failure = setup.failure { return .failure(.failed("cannot set up the request: \(failure)")) }

        let code = withExtendedLifetime(sink) { evalcrew_curl_easy_perform(api, handle) }
        guard code == CURLE_OK else {
            let detail = errorBuffer.pointee == 0
                ? String(cString: evalcrew_curl_easy_strerror(api, code)) : String(cString: errorBuffer)
            return .failure(transportError(code, detail: detail, sink: sink))
        }
        var status = 0
        _ = evalcrew_curl_getinfo_long(api, handle, CURLINFO_RESPONSE_CODE, &status)
        return .success(HTTPResponse(status: status, headers: sink.headers, body: sink.body))
    }

    private static func transportError(_ code: CURLcode, detail: String, sink: HTTPTransferSink) -> HTTPTransportError {
        if sink.tooLarge { return .responseTooLarge(limit: sink.limit) }
        switch code {
        case CURLE_ABORTED_BY_CALLBACK:
            return .cancelled
        case CURLE_COULDNT_CONNECT, CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY:
            return .cannotConnect(detail)
        case CURLE_OPERATION_TIMEDOUT:
            return .timedOut(detail)
        case CURLE_SEND_ERROR, CURLE_RECV_ERROR, CURLE_GOT_NOTHING, CURLE_PARTIAL_FILE:
            return .dropped(detail)
        default:
            return .failed(detail)
        }
    }

    /// libcurl reads 0 as "no timeout": never let a tiny positive value round down to it.
    private static func milliseconds(_ seconds: Double) -> Int {
        guard seconds.isFinite else { return 0 }
        return max(1, Int((seconds * 1000).rounded(.up)))
    }
}

/// Sets options on one easy handle, keeping the first failure instead of checking each call.
private struct HTTPCurlSetup {
    let api: evalcrew_curl_api
    let handle: UnsafeMutableRawPointer
    private(set) var failure: String?

    init(api: evalcrew_curl_api, handle: UnsafeMutableRawPointer) {
        self.api = api
        self.handle = handle
    }

    mutating func set(_ option: CURLoption, _ value: Int) {
        record(option, evalcrew_curl_setopt_long(api, handle, option, value))
    }

    mutating func set(_ option: CURLoption, _ value: String) {
        record(option, evalcrew_curl_setopt_string(api, handle, option, value))  // libcurl copies strings
    }

    mutating func set(_ option: CURLoption, pointer: UnsafeMutableRawPointer?) {
        record(option, evalcrew_curl_setopt_pointer(api, handle, option, pointer))
    }

    mutating func setCallback(_ option: CURLoption, _ callback: evalcrew_curl_data_callback) {
        record(option, evalcrew_curl_setopt_data_callback(api, handle, option, callback))
    }

    mutating func setProgressCallback(_ callback: curl_xferinfo_callback) {
        record(CURLOPT_XFERINFOFUNCTION, evalcrew_curl_setopt_xferinfo_callback(api, handle, callback))
    }

    private mutating func record(_ option: CURLoption, _ code: CURLcode) {
        guard code != CURLE_OK, failure == nil else { return }
        failure = "option \(option.rawValue): \(String(cString: evalcrew_curl_easy_strerror(api, code)))"
    }
}

/// What libcurl's callbacks collect during one transfer. C reaches it through the `Unmanaged`
/// user-data pointer; it lives on the transfer's thread only.
final class HTTPTransferSink {
    let limit: Int
    let isCancelled: () -> Bool
    var body = Data()
    var headers: [(name: String, value: String)] = []
    /// Set when the body outgrew `limit` and the write callback refused it.
    var tooLarge = false

    init(limit: Int, isCancelled: @escaping () -> Bool) {
        self.limit = limit
        self.isCancelled = isCancelled
    }

    private static func sink(_ user: UnsafeMutableRawPointer?) -> HTTPTransferSink {
        Unmanaged<HTTPTransferSink>.fromOpaque(user!).takeUnretainedValue()
    }

    /// Appends body bytes; taking fewer than offered makes libcurl abort the transfer.
    static let write: evalcrew_curl_data_callback = { data, size, count, user in
        let sink = HTTPTransferSink.sink(user)
        let length = size * count
        guard sink.body.count + length <= sink.limit else {
            sink.tooLarge = true
            return 0
        }
        if let data, length > 0 {
            data.withMemoryRebound(to: UInt8.self, capacity: length) { sink.body.append($0, count: length) }
        }
        return length
    }

    /// Collects the header lines of the last response (a redirect or `100 Continue` starts over).
    static let header: evalcrew_curl_data_callback = { data, size, count, user in
        let sink = HTTPTransferSink.sink(user)
        let length = size * count
        guard let data, length > 0 else { return length }
        let line = data.withMemoryRebound(to: UInt8.self, capacity: length) {
            String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
        }.trimmingCharacters(in: .whitespacesAndNewlines)
        if line.hasPrefix("HTTP/") {
            sink.headers.removeAll()
        } else if let colon = line.firstIndex(of: ":") {
            sink.headers.append((name: String(line[..<colon]),
                                 value: line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
        return length
    }

    /// Non-zero aborts the transfer (`CURLE_ABORTED_BY_CALLBACK`).
    static let progress: curl_xferinfo_callback = { user, _, _, _, _ in
        HTTPTransferSink.sink(user).isCancelled() ? 1 : 0
    }
}
