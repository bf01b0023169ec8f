"""Camera clips made from the face fixtures: there is no camera and no video of a person here.

A person is a real photo pasted into a 640x480 scene. A head turn is made from one photo by
rotating its face mesh in 3D (the model's depth estimate) and warping the photo triangle by
triangle, so the nose really moves against the eyes as it does on a live head. A held-up photo
is the same picture moved, tilted and scaled as a flat sheet."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import cv2
import numpy as np
import pytest

from kiosk.privacy.watcher import VisionModels

FACES = Path(__file__).resolve().parent / "fixtures" / "faces"
WIDTH, HEIGHT = 640, 480


def photo(name: str) -> np.ndarray:
    """A fixture photo as RGB."""
    return cv2.cvtColor(cv2.imread(str(FACES / name)), cv2.COLOR_BGR2RGB)


@cache
def _wall() -> np.ndarray:
    rng = np.random.default_rng(7)
    wall = np.full((HEIGHT, WIDTH, 3), (168, 160, 150), np.uint8)
    noise = rng.integers(-6, 7, (HEIGHT, WIDTH, 1))
    return np.clip(wall.astype(int) + noise, 0, 255).astype(np.uint8)


def background() -> np.ndarray:
    """A plain office wall with some texture, so frames are not trivially empty."""
    return _wall().copy()


def turn_head(rgb: np.ndarray, models: VisionModels, degrees: float) -> np.ndarray:
    """The photo with the head turned about its vertical axis (piecewise-affine mesh warp)."""
    face = models.detector.detect(rgb)[0]
    mesh = models.mesh.points(rgb, face)
    center = mesh.mean(axis=0)
    angle = np.radians(degrees)
    moved = mesh[:, :2].copy()
    moved[:, 0] = (
        center[0]
        + (mesh[:, 0] - center[0]) * np.cos(angle)
        + (mesh[:, 2] - center[2]) * np.sin(angle)
    )
    height, width = rgb.shape[:2]
    x, y, w, h = face.box
    frame = [
        (px, py)
        for px in (x - w, x + w / 2, x + 2 * w)
        for py in (y - h, y + h / 2, y + 2 * h)
        if not (px == x + w / 2 and py == y + h / 2)
    ]
    source = np.vstack([mesh[:, :2], frame]).astype(np.float32)
    target = np.vstack([moved, frame]).astype(np.float32)
    subdiv = cv2.Subdiv2D((int(x - w - 2), int(y - h - 2), int(3 * w + 4), int(3 * h + 4)))
    for point in source:
        subdiv.insert((float(point[0]), float(point[1])))
    index = {(round(float(p[0]), 2), round(float(p[1]), 2)): k for k, p in enumerate(source)}
    out = rgb.copy()
    for triangle in subdiv.getTriangleList().reshape(-1, 3, 2):
        keys = [index.get((round(float(p[0]), 2), round(float(p[1]), 2))) for p in triangle]
        if None in keys:
            continue
        src, dst = source[keys], target[keys]
        bx, by, bw, bh = cv2.boundingRect(dst)
        if bw <= 0 or bh <= 0 or bx < 0 or by < 0 or bx + bw > width or by + bh > height:
            continue
        warp = cv2.getAffineTransform(src, (dst - (bx, by)).astype(np.float32))
        patch = cv2.warpAffine(rgb, warp, (bw, bh), borderMode=cv2.BORDER_REFLECT)
        mask = np.zeros((bh, bw), np.uint8)
        cv2.fillConvexPoly(mask, np.round(dst - (bx, by)).astype(np.int32), 1)
        region = out[by : by + bh, bx : bx + bw]
        region[mask > 0] = patch[mask > 0]
    return out


@dataclass(frozen=True)
class Person:
    """A photo placed into the scene: its face ``face_width`` px wide, centred at (x, y)."""

    image: np.ndarray
    face_box: tuple[int, int, int, int]

    @classmethod
    def from_photo(cls, rgb: np.ndarray, models: VisionModels) -> Person:
        return cls(rgb, models.detector.detect(rgb)[0].box)

    def paste(self, scene: np.ndarray, x: float, y: float, face_width: float) -> None:
        bx, by, bw, bh = self.face_box
        scale = face_width / bw
        cx, cy = bx + bw / 2, by + bh / 2
        # the head and shoulders: 2.4 face widths around the face
        half = 1.2 * bw
        left, top = int(max(0, cx - half)), int(max(0, cy - half))
        right = int(min(self.image.shape[1], cx + half))
        bottom = int(min(self.image.shape[0], cy + 1.6 * bw))
        crop = cv2.resize(
            self.image[top:bottom, left:right],
            None,
            fx=scale,
            fy=scale,
            interpolation=cv2.INTER_AREA,
        )
        ox, oy = int(x - (cx - left) * scale), int(y - (cy - top) * scale)
        sx, sy = max(0, -ox), max(0, -oy)
        ex = min(crop.shape[1], scene.shape[1] - ox)
        ey = min(crop.shape[0], scene.shape[0] - oy)
        if ex > sx and ey > sy:
            scene[oy + sy : oy + ey, ox + sx : ox + ex] = crop[sy:ey, sx:ex]


Scene = Callable[[float], np.ndarray]


def write_clip(path: Path, scene: Scene, seconds: float, fps: int = 15) -> Path:
    """Render ``scene(t)`` for every frame into a video file (MJPG in AVI)."""
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), fps, (WIDTH, HEIGHT))
    assert writer.isOpened(), "OpenCV cannot write MJPG here"
    for index in range(int(seconds * fps)):
        writer.write(cv2.cvtColor(scene(index / fps), cv2.COLOR_RGB2BGR))
    writer.release()
    return path


def read_clip(path: Path) -> Iterator[tuple[float, np.ndarray]]:
    """(seconds, RGB frame) from a video file, timed by the file's frame rate."""
    capture = cv2.VideoCapture(str(path))
    fps = capture.get(cv2.CAP_PROP_FPS) or 15
    index = 0
    while True:
        ok, bgr = capture.read()
        if not ok:
            break
        yield index / fps, cv2.cvtColor(bgr, cv2.COLOR_BGR2RGB)
        index += 1
    capture.release()


def held_photo(rgb: np.ndarray, t: float) -> np.ndarray:
    """A flat photo held up by hand: it sways, tilts up to ~20 degrees and moves closer."""
    height, width = rgb.shape[:2]
    tilt = 0.12 * np.sin(2 * np.pi * t / 1.5)
    lift = 0.08 * np.sin(2 * np.pi * t / 2.1)
    corners = np.float32([[0, 0], [width, 0], [width, height], [0, height]])
    moved = np.float32(
        [
            [width * max(tilt, 0), height * (max(tilt, 0) / 2 + max(lift, 0))],
            [width * (1 - max(-tilt, 0)), height * (max(-tilt, 0) / 2 + max(lift, 0))],
            [width * (1 - max(-tilt, 0)), height * (1 - max(-tilt, 0) / 2 - max(-lift, 0))],
            [width * max(tilt, 0), height * (1 - max(tilt, 0) / 2 - max(-lift, 0))],
        ]
    )
    warp = cv2.getPerspectiveTransform(corners, moved)
    return cv2.warpPerspective(rgb, warp, (width, height), borderMode=cv2.BORDER_REPLICATE)


ENTERS = 1.0  # the mayor steps in front of the camera
STRANGER_AT = 4.0  # someone looks over the shoulder
LEAVES_AT = 4.0  # the mayor walks away
HEAD_TURN = ((0.2, 5), (0.33, 10), (0.47, 15), (0.8, 10), (0.93, 5), (1.07, 0))
SWAP_AT = 2.5  # the live impostor holds up the mayor's photo
CLIP_SECONDS = {
    "stranger": 6.0,
    "leaves": 10.0,
    "photo": 4.0,
    "impostor": 4.0,
    "swap": 5.0,
    "swap_back": 5.0,
    "present": 30.0,
}


def head_angle(since_entering: float) -> int:
    """A natural turn to look at the preview: 0 to 15 degrees and back within ~1 s."""
    angle = 0
    for start, degrees in HEAD_TURN:
        if since_entering >= start:
            angle = degrees
    return angle


def enrolled_kit(models: VisionModels) -> dict[str, list[np.ndarray]]:
    """kit_harington enrolled from his first two photos."""
    embeddings = []
    for name in ("kit_harington_1.jpg", "kit_harington_2.jpg"):
        rgb = photo(name)
        embeddings.append(models.encoder.embed(rgb, models.detector.detect(rgb)[0]))
    return {"kit_harington": embeddings}


def build_clips(
    models: VisionModels,
    folder: Path,
    names=("stranger", "leaves", "photo", "impostor", "swap", "swap_back"),
):
    """The mayor (kit_harington_3, turning his head) entering at 1 s and then: a stranger
    (rose_leslie_1) appears over his shoulder at 4 s; he leaves at 4 s; or he stays (30 s).
    Also a held-up photo of him, a live impostor (rose, turning her head), and that impostor
    holding up his photo in front of her face at 2.5 s, or lowering it at 2.5 s."""
    kit, rose = photo("kit_harington_3.jpg"), photo("rose_leslie_1.jpg")
    box = Person.from_photo(kit, models).face_box
    mayor = {a: Person(turn_head(kit, models, a), box) for a in (0, 5, 10, 15)}
    rose_box = Person.from_photo(rose, models).face_box
    impostor = {a: Person(turn_head(rose, models, a), rose_box) for a in (0, 5, 10, 15)}
    onlooker = Person(rose, rose_box)

    def live(people, t, leaves_at=99.0):
        scene = background()
        if ENTERS <= t < leaves_at:
            people[head_angle(t - ENTERS)].paste(scene, 320, 230, 150)
        return scene

    def stranger(t):
        scene = live(mayor, t)
        if t >= STRANGER_AT:
            onlooker.paste(scene, 540, 190, 90)
        return scene

    def held(t):
        scene = background()
        if t >= ENTERS:
            Person(held_photo(kit, t), box).paste(scene, 320, 230, 150)
        return scene

    def swap(t):
        return live(impostor, t) if t < SWAP_AT else held(t)

    scenes = {
        "stranger": stranger,
        "leaves": lambda t: live(mayor, t, LEAVES_AT),
        "photo": held,
        "impostor": lambda t: live(impostor, t),
        "swap": swap,
        "swap_back": lambda t: held(t) if t < SWAP_AT else live(impostor, t),
        "present": lambda t: live(mayor, t),
    }
    return {
        name: write_clip(folder / f"{name}.avi", scenes[name], CLIP_SECONDS[name]) for name in names
    }


# Fixtures (registered for every test through tests/conftest.py)


@pytest.fixture(scope="session")
def clips(vision_models, tmp_path_factory):
    return build_clips(vision_models, tmp_path_factory.mktemp("clips"))


@pytest.fixture(scope="session")
def enrolled(vision_models):
    return enrolled_kit(vision_models)
