"""Interface text in every language, and locale-aware formatting of times and ages.

Widget titles live in their specs; everything else the shell and views show lives here, so a
test can check that every key has every language."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

KST = ZoneInfo("Asia/Seoul")

TEXT: dict[str, dict[str, str]] = {
    "app.title": {"ko": "서울시 디지털 시민시장실", "en": "Seoul Digital Citizens' Office"},
    "app.attribution": {
        "ko": "출처: 서울 열린데이터광장(서울특별시)",
        "en": "Source: Seoul Open Data Plaza (Seoul Metropolitan Government)",
    },
    "nav.home": {"ko": "처음으로", "en": "Home"},
    "nav.back": {"ko": "뒤로", "en": "Back"},
    "nav.language": {"ko": "English", "en": "한국어"},
    "data.measured": {"ko": "측정 {when}", "en": "Measured {when}"},
    "data.fetched": {"ko": "수신 {when}", "en": "Received {when}"},
    "data.no_time": {"ko": "측정 시각 없음", "en": "No measurement time"},
    "data.stale": {"ko": "오래된 자료", "en": "Out of date"},
    "data.sample": {"ko": "예시 자료", "en": "Sample content"},
    "data.empty": {
        "ko": "아직 받은 자료가 없습니다.",
        "en": "No data has been received yet.",
    },
    "data.last_error": {"ko": "최근 갱신 실패: {error}", "en": "Last update failed: {error}"},
    "age.just_now": {"ko": "방금", "en": "just now"},
    "age.minutes": {"ko": "{n}분 전", "en": "{n} min ago"},
    "age.hours": {"ko": "{n}시간 전", "en": "{n} h ago"},
    "age.days": {"ko": "{n}일 전", "en": "{n} days ago"},
    "idle.countdown": {
        "ko": "{n}초 후 처음 화면으로 돌아갑니다",
        "en": "Returning to the start screen in {n} s",
    },
    "idle.stay": {"ko": "계속 보기", "en": "Keep using"},
    "planned.heading": {"ko": "준비 중인 화면입니다", "en": "This page is being prepared"},
    "planned.body": {
        "ko": "이 화면에 표시될 내용: {what}",
        "en": "What this page will show: {what}",
    },
    "grade.0": {"ko": "좋음", "en": "Good"},
    "grade.1": {"ko": "보통", "en": "Moderate"},
    "grade.2": {"ko": "나쁨", "en": "Unhealthy"},
    "grade.3": {"ko": "매우나쁨", "en": "Very unhealthy"},
    "here": {"ko": "현재 위치", "en": "You are here"},
    "air.col.district": {"ko": "자치구", "en": "District"},
    "air.col.grade": {"ko": "등급", "en": "Grade"},
    "air.col.main": {"ko": "주 오염물질", "en": "Main pollutant"},
    "air.no_reading": {"ko": "측정값 없음", "en": "No reading"},
    "air.no_data": {
        "ko": "아직 대기질 자료가 없습니다. 자료가 들어오면 25개 자치구의 등급이 표시됩니다.",
        "en": "No air-quality data yet. Grades for all 25 districts appear when data arrives.",
    },
    "air.here_title": {"ko": "{district} 대기질", "en": "Air in {district}"},
    "subway.no_data": {
        "ko": "{station}역의 열차 도착 정보가 아직 없습니다.",
        "en": "No train arrival information for {station} yet.",
    },
    "subway.stale_note": {
        "ko": "자료가 오래되어 남은 시간 대신 마지막 안내 문구를 보여드립니다.",
        "en": "The data is old: showing the last announcement instead of a countdown.",
    },
    "subway.towards": {"ko": "{destination}행", "en": "To {destination}"},
    "subway.last_train": {"ko": "막차", "en": "Last train"},
    "subway.arriving": {"ko": "곧 도착", "en": "Arriving"},
    "subway.minutes": {"ko": "{n}분", "en": "{n} min"},
    "subway.here_title": {"ko": "{station}역 열차 도착", "en": "Trains at {station}"},
    "bikes.no_data": {
        "ko": "반경 {radius} 안의 따릉이 대여소 자료가 없습니다.",
        "en": "No public bike stations within {radius} in the data.",
    },
    "bikes.available": {"ko": "대여 가능", "en": "Bikes"},
    "bikes.racks": {"ko": "거치대 {n}", "en": "{n} racks"},
    "bikes.summary": {
        "ko": "가까운 대여소 {stations}곳 · 자전거 {bikes}대",
        "en": "{stations} stations nearby · {bikes} bikes",
    },
    "alerts.none": {
        "ko": "받은 재난문자가 없습니다.",
        "en": "No disaster alerts have been received.",
    },
    "alerts.no_active": {
        "ko": "현재 서울에 발효 중인 재난문자가 없습니다.",
        "en": "No active disaster alerts for Seoul now.",
    },
    "notices.none": {"ko": "지금 게시 중인 공지가 없습니다.", "en": "No notices right now."},
    "notices.banner": {"ko": "[공지]", "en": "[Notice]"},
    "notices.important": {"ko": "중요", "en": "Important"},
    "notices.period": {"ko": "게시 기간 {start} ~ {end}", "en": "Posted {start} – {end}"},
    "notices.open_end": {"ko": "계속", "en": "until further notice"},
    "notices.version": {
        "ko": "콘텐츠 {n}판 · {when} 적용",
        "en": "Content version {n} · applied {when}",
    },
    "notices.default_version": {"ko": "기본 콘텐츠", "en": "Default content"},
    "weather.no_data": {"ko": "날씨 자료가 없습니다.", "en": "No weather data."},
    "weather.humidity": {"ko": "습도 {n}%", "en": "Humidity {n}%"},
    "weather.wind": {"ko": "바람 {n} m/s", "en": "Wind {n} m/s"},
    "weather.rain": {"ko": "1시간 강수 {n} mm", "en": "Rain {n} mm/h"},
    "precip.0": {"ko": "강수 없음", "en": "No precipitation"},
    "precip.1": {"ko": "비", "en": "Rain"},
    "precip.2": {"ko": "비/눈", "en": "Rain and snow"},
    "precip.3": {"ko": "눈", "en": "Snow"},
    "precip.5": {"ko": "빗방울", "en": "Drizzle"},
    "precip.6": {"ko": "빗방울/눈날림", "en": "Drizzle and snow flurries"},
    "precip.7": {"ko": "눈날림", "en": "Snow flurries"},
    "home.more": {"ko": "자세히 보기", "en": "Details"},
    "approvals.pending": {"ko": "결재 대기", "en": "Awaiting approval"},
    "approvals.approved": {"ko": "결재 완료", "en": "Approved"},
    "approvals.returned": {"ko": "반려", "en": "Returned"},
    "approvals.none": {"ko": "결재할 문서가 없습니다.", "en": "No documents to approve."},
    "approvals.previous": {"ko": "이전 쪽", "en": "Previous page"},
    "approvals.next": {"ko": "다음 쪽", "en": "Next page"},
    "approvals.page": {"ko": "{n} / {total}쪽", "en": "Page {n} of {total}"},
    "approvals.unreadable": {
        "ko": "이 문서 파일을 열 수 없습니다.",
        "en": "This document file cannot be opened.",
    },
    "indicators.none": {"ko": "내부 지표 자료가 없습니다.", "en": "No internal indicators."},
    "indicators.as_of": {"ko": "{date} 기준", "en": "As of {date}"},
    "indicators.met": {"ko": "목표 달성", "en": "On target"},
    "indicators.below": {"ko": "목표 미달", "en": "Below target"},
    "indicators.target": {"ko": "목표 {value} {unit}", "en": "Target {value} {unit}"},
    "indicators.change": {"ko": "지난번보다 {arrow} {value}", "en": "{arrow} {value} since last"},
    "private.enter": {"ko": "비공개 모드", "en": "Private mode"},
    "private.lock": {"ko": "비공개 모드 잠그기", "en": "Lock private mode"},
    "private.checking": {"ko": "얼굴 확인 중", "en": "Checking face"},
    "face.title": {"ko": "비공개 모드: 얼굴 확인", "en": "Private mode: face check"},
    "face.instruction": {
        "ko": "카메라를 바라보고 고개를 살짝 돌리거나 눈을 깜빡여 주세요.",
        "en": "Look at the camera, then turn your head slightly or blink.",
    },
    "face.cancel": {"ko": "취소", "en": "Cancel"},
    "face.starting": {"ko": "카메라를 켜는 중…", "en": "Starting the camera…"},
    "face.hint.no_face": {
        "ko": "얼굴이 화면 가운데에 오도록 서 주세요.",
        "en": "Stand so that your face is in the middle of the picture.",
    },
    "face.hint.one_person": {
        "ko": "카메라 앞에 한 사람만 있어야 합니다.",
        "en": "Only one person may be in front of the camera.",
    },
    "face.hint.not_enrolled": {"ko": "등록된 얼굴이 아닙니다.", "en": "This face is not enrolled."},
    "face.hint.move": {
        "ko": "고개를 살짝 돌리거나 눈을 깜빡여 주세요.",
        "en": "Turn your head slightly or blink.",
    },
    "face.hint.checking": {"ko": "본인 확인 중…", "en": "Verifying…"},
    "face.status.no_enrolment": {
        "ko": "등록된 얼굴 없음: 비공개 모드를 열 수 없습니다 (main.py enroll)",
        "en": "no enrolled face: private mode cannot open (main.py enroll)",
    },
    "face.status.camera": {"ko": "카메라 문제: {error}", "en": "camera problem: {error}"},
    "face.status.enrolment": {
        "ko": "얼굴 등록 정보를 읽을 수 없습니다: {error}",
        "en": "enrolled faces cannot be read: {error}",
    },
    "gesture.idle": {
        "ko": "오른손을 어깨 위로 {n}초 들면 커서가 나타납니다",
        "en": "Raise your right hand above the shoulder for {n} s for a cursor",
    },
    "gesture.engaging": {"ko": "손을 그대로 들고 계세요… {n}초", "en": "Keep your hand up… {n} s"},
    "gesture.engaged": {
        "ko": "제스처 커서 사용 중 · 주먹을 쥐거나 집으면 선택",
        "en": "Gesture cursor on · close your hand or pinch to select",
    },
    "gesture.hand_lost": {
        "ko": "손이 보이지 않습니다 · 손을 다시 들어 주세요",
        "en": "Hand not seen · raise it again",
    },
    "gesture.no_camera": {"ko": "카메라 없음: 제스처 꺼짐", "en": "No camera: gestures off"},
    "gesture.no_model": {
        "ko": "제스처 모델 없음: 제스처 꺼짐",
        "en": "No gesture model: gestures off",
    },
    "gesture.status.model": {
        "ko": "제스처 모델을 읽을 수 없습니다: {error}",
        "en": "gesture model cannot be loaded: {error}",
    },
    "gesture.status.config": {"ko": "제스처 설정 오류: {error}", "en": "gesture settings: {error}"},
    "toast.rejected": {
        "ko": "지금 열 수 없는 화면입니다.",
        "en": "That page is not available here.",
    },
    # staff mode and the health report (kiosk/health.py, kiosk/shell/staff.py)
    "health.title": {"ko": "키오스크 상태 보고 {when}", "en": "Kiosk health report {when}"},
    "health.warnings": {"ko": "확인할 문제", "en": "Problems"},
    "health.all_ok": {"ko": "문제 없음", "en": "No problems"},
    "health.kiosk": {"ko": "키오스크", "en": "Kiosk"},
    "health.devices": {"ko": "장치와 서비스", "en": "Devices and services"},
    "health.datasets": {"ko": "자료", "en": "Datasets"},
    "health.app": {"ko": "프로그램 버전", "en": "App version"},
    "health.content": {"ko": "콘텐츠 버전", "en": "Content version"},
    "health.content_value": {"ko": "{version} ({description})", "en": "{version} ({description})"},
    "health.state": {"ko": "실행 상태", "en": "State"},
    "health.running": {"ko": "실행 중", "en": "running"},
    "health.stopped": {"ko": "실행 중이 아님", "en": "not running"},
    "health.kiosk_mode": {"ko": "키오스크 모드", "en": "kiosk mode"},
    "health.windowed": {"ko": "창 모드(개발용)", "en": "windowed (development)"},
    "health.uptime": {"ko": "가동 시간", "en": "Uptime"},
    "health.system_uptime": {"ko": "시스템 {d}", "en": "system {d}"},
    "health.days_hours": {"ko": "{d}일 {h}시간", "en": "{d} d {h} h"},
    "health.hours_minutes": {"ko": "{h}시간 {m}분", "en": "{h} h {m} min"},
    "health.last_touch": {"ko": "마지막 터치", "en": "Last touch"},
    "health.never": {"ko": "없음", "en": "never"},
    "health.people": {"ko": "카메라 앞 사람", "en": "People in view"},
    "health.people_value": {
        "ko": "지금 {n}명 · 마지막 터치 이후 방문 {visits}회 · 마지막 감지 {last}",
        "en": "{n} now · {visits} visits since the last touch · last seen {last}",
    },
    "health.memory": {"ko": "메모리", "en": "Memory"},
    "health.memory_value": {
        "ko": "키오스크 {rss} MiB · 시스템 여유 {available} / {total} GiB",
        "en": "kiosk {rss} MiB · system {available} of {total} GiB available",
    },
    "health.disk": {"ko": "디스크", "en": "Disk"},
    "health.disk_value": {
        "ko": "{path} 여유 {free} / {total} GiB",
        "en": "{path}: {free} of {total} GiB free",
    },
    "health.age": {"ko": "{age} · {rows}건", "en": "{age} · {rows} rows"},
    "health.error": {"ko": "실패 {when}: {error}", "en": "failed {when}: {error}"},
    "health.next_fetch": {"ko": "다음 갱신 {when}", "en": "next fetch {when}"},
    "health.not_reported": {"ko": "보고 없음", "en": "not reported"},
    "health.no_cache": {"ko": "캐시 파일이 없습니다: {path}", "en": "no cache file yet: {path}"},
    "health.p.not_running": {
        "ko": "키오스크가 실행 중이 아닙니다 (마지막 신호 {when})",
        "en": "the kiosk is not running (last heartbeat {when})",
    },
    "health.p.cache": {"ko": "캐시를 읽을 수 없음: {error}", "en": "cache unreadable: {error}"},
    "health.p.dead_touch": {
        "ko": "터치 화면 고장 의심: {hours}시간 동안 터치가 없는데 카메라 앞에 {visits}번 사람이 머물렀습니다",
        "en": "touch screen may be dead: no touch for {hours} h while people stood at the screen {visits} times",
    },
    "health.p.no_data": {"ko": "{id}: 자료 없음", "en": "{id}: no data"},
    "health.p.stale": {"ko": "{id}: 오래된 자료", "en": "{id}: out of date"},
    "health.p.disk": {
        "ko": "디스크 여유 공간 부족: {path} {free} MiB",
        "en": "disk almost full: {free} MiB free on {path}",
    },
    "health.p.memory": {
        "ko": "메모리 부족: 여유 {percent}%",
        "en": "memory low: {percent}% available",
    },
    "staff.pin_title": {"ko": "관리자 PIN", "en": "Staff PIN"},
    "staff.pin_wrong": {"ko": "PIN이 틀렸습니다", "en": "Wrong PIN"},
    "staff.pin_locked": {
        "ko": "잠시 후 다시 시도하세요 ({n}초)",
        "en": "Too many attempts: try again in {n} s",
    },
    "staff.cancel": {"ko": "취소", "en": "Cancel"},
    "staff.clear": {"ko": "지우기", "en": "Clear"},
    "staff.ok": {"ko": "확인", "en": "OK"},
    "staff.title": {"ko": "관리자 화면: 키오스크 상태", "en": "Staff: kiosk health"},
    "staff.reload": {"ko": "콘텐츠 다시 읽기", "en": "Reload content"},
    "staff.rollback": {"ko": "이전 콘텐츠로 되돌리기", "en": "Roll back content"},
    "staff.restart": {"ko": "다시 시작", "en": "Restart"},
    "staff.leave": {"ko": "키오스크 모드 끝내기", "en": "Leave kiosk mode"},
    "staff.close": {"ko": "닫기", "en": "Close"},
    "staff.confirm": {"ko": "한 번 더 누르면 실행합니다", "en": "Press again to confirm"},
    "staff.reloaded": {"ko": "콘텐츠를 다시 읽었습니다", "en": "Content reloaded"},
    "staff.rolled_back": {
        "ko": "콘텐츠 버전 {version}(으)로 되돌렸습니다",
        "en": "Rolled back to content version {version}",
    },
    "staff.failed": {"ko": "실패: {error}", "en": "Failed: {error}"},
}


def tr(key: str, lang: str, **values: object) -> str:
    """The text for ``key`` in ``lang`` (Korean when missing), with ``{placeholders}`` filled."""
    entry = TEXT[key]
    template = entry.get(lang) or entry["ko"]
    return template.format(**values) if values else template


def format_time(epoch: float | None, lang: str, now: float | None = None) -> str:
    """A Seoul-time timestamp, with the date only when it is not today."""
    if epoch is None:
        return "-"
    moment = datetime.fromtimestamp(epoch, KST)
    today = datetime.fromtimestamp(now, KST).date() if now is not None else None
    if today is not None and moment.date() == today:
        return moment.strftime("%H:%M")
    if today is not None and moment.year == today.year:
        return moment.strftime("%m-%d %H:%M" if lang == "ko" else "%b %d %H:%M")
    return moment.strftime("%Y-%m-%d %H:%M" if lang == "ko" else "%b %d %Y %H:%M")


def format_age(seconds: float | None, lang: str) -> str:
    """How long ago, in words ('3분 전', '2 h ago')."""
    if seconds is None:
        return "-"
    if seconds < 60:
        return tr("age.just_now", lang)
    if seconds < 3600:
        return tr("age.minutes", lang, n=int(seconds // 60))
    if seconds < 2 * 86400:
        return tr("age.hours", lang, n=int(seconds // 3600))
    return tr("age.days", lang, n=int(seconds // 86400))
