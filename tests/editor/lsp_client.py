"""A minimal Language Server Protocol client over stdio: just enough to open files and read diagnostics and hovers."""

import json
import queue
import subprocess
import threading
from collections import deque
from pathlib import Path

# How long to wait for the server before calling it hung: a guard, not a speed check. On a busy machine its first
# answers (schemas read, a large file parsed) can take many seconds; how fast it is is not what the tests check.
HUNG_AFTER_S = 120


class LanguageServerError(Exception):
    """The server died, answered with an error, or did not answer in time."""


class LanguageClient:
    """Talks JSON-RPC with Content-Length framing to a server started as a subprocess.

    A reader thread takes every message off the server's stdout: answers to our requests go to the caller
    waiting for them, `textDocument/publishDiagnostics` is kept per document, and the server's own requests
    (such as `workspace/configuration`) are answered from `settings` straight away.
    """

    def __init__(self, command: list[str], cwd: Path, settings: dict):
        self.settings = settings
        self.process = subprocess.Popen(
            command, cwd=cwd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        self._write_lock = threading.Lock()
        self._next_id = 0
        self._answers: dict[int, queue.Queue] = {}
        self._diagnostics: dict[str, list[dict]] = {}
        self._diagnostics_arrived = threading.Condition()
        self._configuration_answered = threading.Event()
        self.stderr_tail: deque[str] = deque(maxlen=40)
        threading.Thread(target=self._read_stdout, daemon=True).start()
        threading.Thread(target=self._read_stderr, daemon=True).start()

    # Sending

    def request(self, method: str, params: dict, timeout: float = HUNG_AFTER_S) -> object:
        self._next_id += 1
        answer: queue.Queue = queue.Queue(maxsize=1)
        self._answers[self._next_id] = answer
        self._send({"jsonrpc": "2.0", "id": self._next_id, "method": method, "params": params})
        try:
            message = answer.get(timeout=timeout)
        except queue.Empty:
            raise LanguageServerError(f"no answer to {method} within {timeout} s{self._stderr_note()}") from None
        if message is None:
            raise LanguageServerError(f"the server stopped before answering {method}{self._stderr_note()}")
        if "error" in message:
            raise LanguageServerError(f"{method} failed: {message['error']}")
        return message.get("result")

    def notify(self, method: str, params: dict) -> None:
        self._send({"jsonrpc": "2.0", "method": method, "params": params})

    def _send(self, message: dict) -> None:
        body = json.dumps(message).encode("utf-8")
        with self._write_lock:
            try:
                self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
                self.process.stdin.flush()
            except (BrokenPipeError, ValueError) as error:
                raise LanguageServerError(f"the server is gone: {error}{self._stderr_note()}") from None

    # The session's steps

    def initialize(self, root: Path, timeout: float = HUNG_AFTER_S) -> dict:
        result = self.request(
            "initialize",
            {
                "processId": None,
                "rootUri": root.as_uri(),
                "workspaceFolders": [{"uri": root.as_uri(), "name": root.name}],
                "capabilities": {
                    "workspace": {"configuration": True},
                    "textDocument": {
                        "publishDiagnostics": {"relatedInformation": False},
                        "hover": {"contentFormat": ["markdown", "plaintext"]},
                    },
                },
            },
            timeout=timeout,
        )
        self.notify("initialized", {})
        return result

    def configure(self, timeout: float = HUNG_AFTER_S) -> None:
        """Tell the server its settings changed and wait until it has pulled them."""
        self._configuration_answered.clear()
        self.notify("workspace/didChangeConfiguration", {"settings": self.settings})
        if not self._configuration_answered.wait(timeout):
            raise LanguageServerError(f"the server never asked for its settings{self._stderr_note()}")

    def open(self, path: Path) -> str:
        uri = path.resolve().as_uri()
        document = {"uri": uri, "languageId": "yaml", "version": 1, "text": path.read_text(encoding="utf-8")}
        self.notify("textDocument/didOpen", {"textDocument": document})
        return uri

    def diagnostics(self, uri: str, timeout: float = HUNG_AFTER_S) -> list[dict]:
        """The first diagnostics the server publishes for `uri` (each document is opened once)."""
        with self._diagnostics_arrived:
            if not self._diagnostics_arrived.wait_for(lambda: uri in self._diagnostics or not self.alive, timeout):
                raise LanguageServerError(f"no diagnostics for {uri} within {timeout} s{self._stderr_note()}")
            if uri not in self._diagnostics:
                raise LanguageServerError(f"the server stopped{self._stderr_note()}")
            return self._diagnostics[uri]

    def hover(self, uri: str, line: int, character: int) -> str:
        result = self.request(
            "textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": line, "character": character}}
        )
        if not result:
            return ""
        contents = result["contents"]
        return contents["value"] if isinstance(contents, dict) else str(contents)

    def close(self) -> None:
        """Ask the server to shut down, and kill it if it does not go at once."""
        try:
            if self.alive:
                self.request("shutdown", {}, timeout=3)
                self.notify("exit", {})
                self.process.wait(timeout=3)
        except (LanguageServerError, subprocess.TimeoutExpired):
            pass
        finally:
            if self.process.poll() is None:
                self.process.kill()
                self.process.wait(timeout=5)
            for stream in (self.process.stdin, self.process.stdout, self.process.stderr):
                try:
                    stream.close()
                except OSError:
                    pass

    @property
    def alive(self) -> bool:
        return self.process.poll() is None

    # Receiving

    def _read_stdout(self) -> None:
        stream = self.process.stdout
        while True:
            headers = {}
            while True:
                line = stream.readline()
                if not line:
                    self._stopped()
                    return
                line = line.decode("ascii", "replace").strip()
                if not line:
                    break
                name, _, value = line.partition(":")
                headers[name.strip().lower()] = value.strip()
            body = stream.read(int(headers.get("content-length", 0)))
            self._dispatch(json.loads(body))

    def _dispatch(self, message: dict) -> None:
        if "method" in message and "id" in message:
            self._answer_server_request(message)
        elif "method" in message:
            if message["method"] == "textDocument/publishDiagnostics":
                with self._diagnostics_arrived:
                    self._diagnostics.setdefault(message["params"]["uri"], message["params"]["diagnostics"])
                    self._diagnostics_arrived.notify_all()
        elif message.get("id") in self._answers:
            self._answers.pop(message["id"]).put(message)

    def _answer_server_request(self, message: dict) -> None:
        if message["method"] != "workspace/configuration":
            self._send({"jsonrpc": "2.0", "id": message["id"], "result": None})
            return
        sections = [item.get("section") for item in message["params"]["items"]]
        self._send({"jsonrpc": "2.0", "id": message["id"], "result": [self.settings.get(s, {}) for s in sections]})
        if "yaml" in sections:
            self._configuration_answered.set()

    def _stopped(self) -> None:
        for answer in list(self._answers.values()):
            answer.put(None)
        self._answers.clear()
        with self._diagnostics_arrived:
            self._diagnostics_arrived.notify_all()

    def _read_stderr(self) -> None:
        for line in self.process.stderr:
            self.stderr_tail.append(line.decode("utf-8", "replace").rstrip())

    def _stderr_note(self) -> str:
        return "; the server's last words:\n" + "\n".join(self.stderr_tail) if self.stderr_tail else ""
