#!/usr/bin/python3
"""Drops files onto an X11 window the way a file manager does, over the XDND protocol
(version 5), so the smoke test exercises the desktop app's real drop path: GLFW's XDND
handling, Fyne's SetOnDropped and the import behind it.

    xdnd-drop.py WINDOW_ID FILE...      (WINDOW_ID as xwininfo prints it, e.g. 0x200020)

Exit status 0 when the window accepted the drop and said it was finished, 1 otherwise,
with the reason on stderr. Needs python3-xlib (Debian package). Test tooling only: the
file names go into the X selection of a private Xvfb display and nowhere else.
"""
import os
import sys
import time
import urllib.parse

from Xlib import X, display, protocol

TIMEOUT = 10.0


def fail(msg):
    print("xdnd-drop: " + msg, file=sys.stderr)
    sys.exit(1)


def main():
    if len(sys.argv) < 3:
        fail("gebruik: xdnd-drop.py VENSTER-ID BESTAND...")
    d = display.Display()
    atom = lambda name: d.intern_atom(name)
    target = d.create_resource_object("window", int(sys.argv[1], 0))
    uris = "".join("file://" + urllib.parse.quote(os.path.abspath(p)) + "\r\n" for p in sys.argv[2:])

    aware = target.get_full_property(atom("XdndAware"), X.AnyPropertyType)
    if aware is None:
        fail("het venster ondersteunt geen slepen en neerzetten (geen XdndAware)")
    version = min(5, aware.value[0])

    root = d.screen().root
    source = root.create_window(0, 0, 1, 1, 0, X.CopyFromParent)
    source.set_selection_owner(atom("XdndSelection"), X.CurrentTime)
    geo = target.get_geometry()
    centre = root.translate_coords(target, geo.width // 2, geo.height // 2)
    x, y = centre.x, centre.y  # the window's centre, in root coordinates

    def send(name, data):
        ev = protocol.event.ClientMessage(window=target, client_type=atom(name),
                                          data=(32, data + [0] * (5 - len(data))))
        target.send_event(ev, event_mask=0)
        d.flush()

    send("XdndEnter", [source.id, version << 24, atom("text/uri-list")])
    send("XdndPosition", [source.id, 0, (x << 16) | y, X.CurrentTime, atom("XdndActionCopy")])

    dropped = False
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        if not d.pending_events():
            time.sleep(0.02)
            continue
        e = d.next_event()
        if e.type == X.ClientMessage and e.client_type == atom("XdndStatus"):
            if not e.data[1][1] & 1:
                fail("het venster weigert de bestanden (XdndStatus zonder accept)")
            if not dropped:
                send("XdndDrop", [source.id, 0, X.CurrentTime])
                dropped = True
        elif e.type == X.SelectionRequest:
            e.requestor.change_property(e.property, e.target, 8, uris.encode())
            note = protocol.event.SelectionNotify(time=e.time, requestor=e.requestor, selection=e.selection,
                                                  target=e.target, property=e.property)
            e.requestor.send_event(note)
            d.flush()
        elif e.type == X.ClientMessage and e.client_type == atom("XdndFinished"):
            return 0
    fail("geen antwoord van het venster binnen %d s (%s)" % (TIMEOUT, "na XdndDrop" if dropped else "op XdndPosition"))


if __name__ == "__main__":
    sys.exit(main())
