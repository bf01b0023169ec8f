"""The speaker never raises and records what it said (Qt's mock engine stands in for speechd)."""

from kiosk.shell.speech import Speaker


def test_mock_engine_speaks_and_records(qapp):
    speaker = Speaker(engine="mock")
    assert speaker.available
    speaker.say("대기환경을 보여드립니다", "ko")
    speaker.say("Showing air quality", "en")
    assert speaker.spoken == [("ko", "대기환경을 보여드립니다"), ("en", "Showing air quality")]


def test_missing_engine_is_reported_not_raised(qapp):
    speaker = Speaker(engine="no-such-engine")
    speaker.say("안녕하세요", "ko")
    assert not speaker.available and speaker.problem
    assert speaker.spoken == [("ko", "안녕하세요")]
