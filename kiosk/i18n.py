"""Interface text in every language, and locale-aware formatting of times, ages and numbers.

Widget titles live in their specs; everything else the shell and views show lives here, so a
test can check that every key has every language (``LANGUAGES``: Korean, English, Simplified
Chinese, Japanese). Dates, ages and units follow each language's CLDR conventions (Babel)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from babel.dates import format_skeleton, format_timedelta
from babel.numbers import format_decimal
from babel.units import format_unit

KST = ZoneInfo("Asia/Seoul")

LANGUAGES = ("ko", "en", "zh", "ja")
# Each language named in itself, so a visitor finds theirs without reading Korean.
LANGUAGE_NAMES = {"ko": "한국어", "en": "English", "zh": "中文", "ja": "日本語"}
BABEL_LOCALES = {"ko": "ko_KR", "en": "en_US", "zh": "zh_Hans_CN", "ja": "ja_JP"}

TEXT: dict[str, dict[str, str]] = {
    "app.title": {
        "ko": "서울시 디지털 시민시장실",
        "en": "Seoul Digital Citizens' Office",
        "zh": "首尔市数字市民市长室",
        "ja": "ソウル市デジタル市民市長室",
    },
    "app.attribution": {
        "ko": "출처: 서울 열린데이터광장(서울특별시)",
        "en": "Source: Seoul Open Data Plaza (Seoul Metropolitan Government)",
        "zh": "来源：首尔开放数据广场（首尔特别市）",
        "ja": "出典：ソウル・オープンデータ広場（ソウル特別市）",
    },
    "nav.home": {"ko": "처음으로", "en": "Home", "zh": "首页", "ja": "ホーム"},
    "nav.back": {"ko": "뒤로", "en": "Back", "zh": "返回", "ja": "戻る"},
    "nav.language": {"ko": "언어", "en": "Language", "zh": "语言", "ja": "言語"},
    "data.measured": {
        "ko": "측정 {when}",
        "en": "Measured {when}",
        "zh": "测量时间 {when}",
        "ja": "測定 {when}",
    },
    "data.fetched": {
        "ko": "수신 {when}",
        "en": "Received {when}",
        "zh": "接收时间 {when}",
        "ja": "受信 {when}",
    },
    "data.no_time": {
        "ko": "측정 시각 없음",
        "en": "No measurement time",
        "zh": "无测量时间",
        "ja": "測定時刻なし",
    },
    "data.stale": {
        "ko": "오래된 자료",
        "en": "Out of date",
        "zh": "数据已过时",
        "ja": "古いデータ",
    },
    "data.sample": {
        "ko": "예시 자료",
        "en": "Sample content",
        "zh": "示例数据",
        "ja": "サンプルデータ",
    },
    "data.empty": {
        "ko": "아직 받은 자료가 없습니다.",
        "en": "No data has been received yet.",
        "zh": "尚未收到数据。",
        "ja": "まだデータを受信していません。",
    },
    "data.last_error": {
        "ko": "최근 갱신 실패: {error}",
        "en": "Last update failed: {error}",
        "zh": "最近一次更新失败：{error}",
        "ja": "前回の更新に失敗：{error}",
    },
    "age.just_now": {"ko": "방금", "en": "just now", "zh": "刚刚", "ja": "たった今"},
    "idle.countdown": {
        "ko": "{n}초 후 처음 화면으로 돌아갑니다",
        "en": "Returning to the start screen in {n} s",
        "zh": "{n} 秒后返回首页",
        "ja": "{n} 秒後に最初の画面に戻ります",
    },
    "idle.stay": {"ko": "계속 보기", "en": "Keep using", "zh": "继续使用", "ja": "このまま使う"},
    "idle.spoken": {
        "ko": "{n}초 후 처음 화면으로 돌아갑니다. 계속 사용하시려면 화면을 눌러 주세요.",
        "en": "Returning to the start screen in {n} seconds. Touch the screen to keep using it.",
        "zh": "{n} 秒后将返回首页。如需继续使用，请触摸屏幕。",
        "ja": "{n} 秒後に最初の画面に戻ります。続けて使う場合は画面に触れてください。",
    },
    "grade.0": {"ko": "좋음", "en": "Good", "zh": "良好", "ja": "良い"},
    "grade.1": {"ko": "보통", "en": "Moderate", "zh": "一般", "ja": "普通"},
    "grade.2": {"ko": "나쁨", "en": "Unhealthy", "zh": "差", "ja": "悪い"},
    "grade.3": {"ko": "매우나쁨", "en": "Very unhealthy", "zh": "非常差", "ja": "非常に悪い"},
    "here": {"ko": "현재 위치", "en": "You are here", "zh": "当前位置", "ja": "現在地"},
    "air.col.district": {"ko": "자치구", "en": "District", "zh": "区", "ja": "区"},
    "air.col.grade": {"ko": "등급", "en": "Grade", "zh": "等级", "ja": "等級"},
    "air.col.main": {
        "ko": "주 오염물질",
        "en": "Main pollutant",
        "zh": "主要污染物",
        "ja": "主な汚染物質",
    },
    "air.no_reading": {
        "ko": "측정값 없음",
        "en": "No reading",
        "zh": "无测量值",
        "ja": "測定値なし",
    },
    "air.no_data": {
        "ko": "아직 대기질 자료가 없습니다. 자료가 들어오면 25개 자치구의 등급이 표시됩니다.",
        "en": "No air-quality data yet. Grades for all 25 districts appear when data arrives.",
        "zh": "暂无空气质量数据。收到数据后将显示 25 个区的等级。",
        "ja": "大気質データはまだありません。データを受信すると 25 区の等級が表示されます。",
    },
    "air.here_title": {
        "ko": "{district} 대기질",
        "en": "Air in {district}",
        "zh": "{district}空气质量",
        "ja": "{district}の大気質",
    },
    "subway.no_data": {
        "ko": "{station}역의 열차 도착 정보가 아직 없습니다.",
        "en": "No train arrival information for {station} yet.",
        "zh": "暂无{station}站的列车到站信息。",
        "ja": "{station}駅の列車到着情報はまだありません。",
    },
    "subway.stale_note": {
        "ko": "자료가 오래되어 남은 시간 대신 마지막 안내 문구를 보여드립니다.",
        "en": "The data is old: showing the last announcement instead of a countdown.",
        "zh": "数据已过时：显示最后一条到站提示，而不是剩余时间。",
        "ja": "データが古いため、残り時間の代わりに最後の案内を表示しています。",
    },
    "subway.towards": {
        "ko": "{destination}행",
        "en": "To {destination}",
        "zh": "开往{destination}",
        "ja": "{destination}行き",
    },
    "subway.last_train": {"ko": "막차", "en": "Last train", "zh": "末班车", "ja": "終電"},
    "subway.arriving": {"ko": "곧 도착", "en": "Arriving", "zh": "即将到站", "ja": "まもなく到着"},
    "subway.minutes": {"ko": "{n}분", "en": "{n} min", "zh": "{n} 分钟", "ja": "{n} 分"},
    "subway.here_title": {
        "ko": "{station}역 열차 도착",
        "en": "Trains at {station}",
        "zh": "{station}站列车到站",
        "ja": "{station}駅の列車到着",
    },
    "bikes.no_data": {
        "ko": "반경 {radius} 안의 따릉이 대여소 자료가 없습니다.",
        "en": "No public bike stations within {radius} in the data.",
        "zh": "数据中没有 {radius} 范围内的公共自行车租赁点。",
        "ja": "半径 {radius} 以内の公共自転車ステーションのデータがありません。",
    },
    "bikes.available": {"ko": "대여 가능", "en": "Bikes", "zh": "可借车辆", "ja": "貸出可能"},
    "bikes.racks": {"ko": "거치대 {n}", "en": "{n} racks", "zh": "车架 {n}", "ja": "ラック {n}"},
    "bikes.summary": {
        "ko": "가까운 대여소 {stations}곳 · 자전거 {bikes}대",
        "en": "{stations} stations nearby · {bikes} bikes",
        "zh": "附近租赁点 {stations} 处 · 自行车 {bikes} 辆",
        "ja": "近くのステーション {stations} か所 · 自転車 {bikes} 台",
    },
    "alerts.none": {
        "ko": "받은 재난문자가 없습니다.",
        "en": "No disaster alerts have been received.",
        "zh": "未收到灾难短信。",
        "ja": "受信した災害メッセージはありません。",
    },
    "alerts.no_active": {
        "ko": "현재 서울에 발효 중인 재난문자가 없습니다.",
        "en": "No active disaster alerts for Seoul now.",
        "zh": "首尔目前没有生效的灾难短信。",
        "ja": "現在ソウルに発令中の災害メッセージはありません。",
    },
    "notices.none": {
        "ko": "지금 게시 중인 공지가 없습니다.",
        "en": "No notices right now.",
        "zh": "目前没有公告。",
        "ja": "現在掲示中のお知らせはありません。",
    },
    "notices.banner": {"ko": "[공지]", "en": "[Notice]", "zh": "[公告]", "ja": "[お知らせ]"},
    "notices.important": {"ko": "중요", "en": "Important", "zh": "重要", "ja": "重要"},
    "notices.period": {
        "ko": "게시 기간 {start} ~ {end}",
        "en": "Posted {start} – {end}",
        "zh": "公告期间 {start} ~ {end}",
        "ja": "掲示期間 {start} ~ {end}",
    },
    "notices.open_end": {
        "ko": "계속",
        "en": "until further notice",
        "zh": "另行通知前",
        "ja": "継続",
    },
    "notices.version": {
        "ko": "콘텐츠 {n}판 · {when} 적용",
        "en": "Content version {n} · applied {when}",
        "zh": "内容第 {n} 版 · {when} 应用",
        "ja": "コンテンツ第 {n} 版 · {when} 適用",
    },
    "notices.default_version": {
        "ko": "기본 콘텐츠",
        "en": "Default content",
        "zh": "默认内容",
        "ja": "標準コンテンツ",
    },
    "weather.no_data": {
        "ko": "날씨 자료가 없습니다.",
        "en": "No weather data.",
        "zh": "没有天气数据。",
        "ja": "天気データがありません。",
    },
    "weather.humidity": {
        "ko": "습도 {n}%",
        "en": "Humidity {n}%",
        "zh": "湿度 {n}%",
        "ja": "湿度 {n}%",
    },
    "weather.wind": {
        "ko": "바람 {n} m/s",
        "en": "Wind {n} m/s",
        "zh": "风速 {n} 米/秒",
        "ja": "風速 {n} m/s",
    },
    "weather.rain": {
        "ko": "1시간 강수 {n} mm",
        "en": "Rain {n} mm/h",
        "zh": "1 小时降水 {n} 毫米",
        "ja": "1 時間降水量 {n} mm",
    },
    "precip.0": {"ko": "강수 없음", "en": "No precipitation", "zh": "无降水", "ja": "降水なし"},
    "precip.1": {"ko": "비", "en": "Rain", "zh": "雨", "ja": "雨"},
    "precip.2": {"ko": "비/눈", "en": "Rain and snow", "zh": "雨夹雪", "ja": "雨または雪"},
    "precip.3": {"ko": "눈", "en": "Snow", "zh": "雪", "ja": "雪"},
    "precip.5": {"ko": "빗방울", "en": "Drizzle", "zh": "毛毛雨", "ja": "霧雨"},
    "precip.6": {
        "ko": "빗방울/눈날림",
        "en": "Drizzle and snow flurries",
        "zh": "毛毛雨夹小雪",
        "ja": "霧雨と風花",
    },
    "precip.7": {"ko": "눈날림", "en": "Snow flurries", "zh": "小雪", "ja": "風花"},
    "home.more": {"ko": "자세히 보기", "en": "Details", "zh": "查看详情", "ja": "詳しく見る"},
    "approvals.pending": {
        "ko": "결재 대기",
        "en": "Awaiting approval",
        "zh": "待审批",
        "ja": "決裁待ち",
    },
    "approvals.approved": {"ko": "결재 완료", "en": "Approved", "zh": "已审批", "ja": "決裁済み"},
    "approvals.returned": {"ko": "반려", "en": "Returned", "zh": "已退回", "ja": "差し戻し"},
    "approvals.none": {
        "ko": "결재할 문서가 없습니다.",
        "en": "No documents to approve.",
        "zh": "没有待审批的文件。",
        "ja": "決裁する文書はありません。",
    },
    "approvals.previous": {
        "ko": "이전 쪽",
        "en": "Previous page",
        "zh": "上一页",
        "ja": "前のページ",
    },
    "approvals.next": {"ko": "다음 쪽", "en": "Next page", "zh": "下一页", "ja": "次のページ"},
    "approvals.page": {
        "ko": "{n} / {total}쪽",
        "en": "Page {n} of {total}",
        "zh": "第 {n} 页，共 {total} 页",
        "ja": "{n} / {total} ページ",
    },
    "approvals.unreadable": {
        "ko": "이 문서 파일을 열 수 없습니다.",
        "en": "This document file cannot be opened.",
        "zh": "无法打开此文件。",
        "ja": "この文書ファイルを開けません。",
    },
    "indicators.none": {
        "ko": "내부 지표 자료가 없습니다.",
        "en": "No internal indicators.",
        "zh": "没有内部指标数据。",
        "ja": "内部指標のデータがありません。",
    },
    "indicators.as_of": {
        "ko": "{date} 기준",
        "en": "As of {date}",
        "zh": "截至 {date}",
        "ja": "{date} 時点",
    },
    "indicators.met": {"ko": "목표 달성", "en": "On target", "zh": "达到目标", "ja": "目標達成"},
    "indicators.below": {
        "ko": "목표 미달",
        "en": "Below target",
        "zh": "未达目标",
        "ja": "目標未達",
    },
    "indicators.target": {
        "ko": "목표 {value} {unit}",
        "en": "Target {value} {unit}",
        "zh": "目标 {value} {unit}",
        "ja": "目標 {value} {unit}",
    },
    "indicators.change": {
        "ko": "지난번보다 {arrow} {value}",
        "en": "{arrow} {value} since last",
        "zh": "比上次 {arrow} {value}",
        "ja": "前回から {arrow} {value}",
    },
    "private.enter": {
        "ko": "비공개 모드",
        "en": "Private mode",
        "zh": "非公开模式",
        "ja": "非公開モード",
    },
    "private.lock": {
        "ko": "비공개 모드 잠그기",
        "en": "Lock private mode",
        "zh": "锁定非公开模式",
        "ja": "非公開モードをロック",
    },
    "private.checking": {
        "ko": "얼굴 확인 중",
        "en": "Checking face",
        "zh": "正在确认面部",
        "ja": "顔を確認中",
    },
    "face.title": {
        "ko": "비공개 모드: 얼굴 확인",
        "en": "Private mode: face check",
        "zh": "非公开模式：面部确认",
        "ja": "非公開モード：顔の確認",
    },
    "face.instruction": {
        "ko": "카메라를 바라보고 고개를 살짝 돌리거나 눈을 깜빡여 주세요.",
        "en": "Look at the camera, then turn your head slightly or blink.",
        "zh": "请看着摄像头，然后稍微转动头部或眨眼。",
        "ja": "カメラを見て、少し顔を動かすか、まばたきしてください。",
    },
    "face.cancel": {"ko": "취소", "en": "Cancel", "zh": "取消", "ja": "キャンセル"},
    "face.starting": {
        "ko": "카메라를 켜는 중…",
        "en": "Starting the camera…",
        "zh": "正在启动摄像头…",
        "ja": "カメラを起動中…",
    },
    "face.hint.no_face": {
        "ko": "얼굴이 화면 가운데에 오도록 서 주세요.",
        "en": "Stand so that your face is in the middle of the picture.",
        "zh": "请站好，让面部位于画面中央。",
        "ja": "顔が画面の中央に来るように立ってください。",
    },
    "face.hint.one_person": {
        "ko": "카메라 앞에 한 사람만 있어야 합니다.",
        "en": "Only one person may be in front of the camera.",
        "zh": "摄像头前只能有一个人。",
        "ja": "カメラの前には一人だけ立ってください。",
    },
    "face.hint.not_enrolled": {
        "ko": "등록된 얼굴이 아닙니다.",
        "en": "This face is not enrolled.",
        "zh": "此面部未登记。",
        "ja": "登録された顔ではありません。",
    },
    "face.hint.move": {
        "ko": "고개를 살짝 돌리거나 눈을 깜빡여 주세요.",
        "en": "Turn your head slightly or blink.",
        "zh": "请稍微转动头部或眨眼。",
        "ja": "少し顔を動かすか、まばたきしてください。",
    },
    "face.hint.checking": {
        "ko": "본인 확인 중…",
        "en": "Verifying…",
        "zh": "正在验证…",
        "ja": "本人確認中…",
    },
    "face.status.no_enrolment": {
        "ko": "등록된 얼굴 없음: 비공개 모드를 열 수 없습니다 (main.py enroll)",
        "en": "no enrolled face: private mode cannot open (main.py enroll)",
        "zh": "没有已登记的面部：无法打开非公开模式（main.py enroll）",
        "ja": "登録された顔がありません：非公開モードを開けません（main.py enroll）",
    },
    "face.status.camera": {
        "ko": "카메라 문제: {error}",
        "en": "camera problem: {error}",
        "zh": "摄像头问题：{error}",
        "ja": "カメラの問題：{error}",
    },
    "face.status.model": {
        "ko": "얼굴 인식 모델 없음: {error}",
        "en": "face models missing: {error}",
        "zh": "缺少人脸识别模型：{error}",
        "ja": "顔認識モデルがありません：{error}",
    },
    "face.status.model_ready": {
        "ko": "얼굴 인식 모델 준비됨",
        "en": "face models ready",
        "zh": "人脸识别模型已就绪",
        "ja": "顔認識モデルの準備完了",
    },
    "face.status.enrolment": {
        "ko": "얼굴 등록 정보를 읽을 수 없습니다: {error}",
        "en": "enrolled faces cannot be read: {error}",
        "zh": "无法读取面部登记信息：{error}",
        "ja": "顔の登録情報を読み込めません：{error}",
    },
    "gesture.idle": {
        "ko": "오른손을 어깨 위로 {n}초 들면 커서가 나타납니다",
        "en": "Raise your right hand above the shoulder for {n} s for a cursor",
        "zh": "将右手举过肩膀 {n} 秒即可出现光标",
        "ja": "右手を肩より上に {n} 秒上げるとカーソルが出ます",
    },
    "gesture.engaging": {
        "ko": "손을 그대로 들고 계세요… {n}초",
        "en": "Keep your hand up… {n} s",
        "zh": "请保持举手… {n} 秒",
        "ja": "そのまま手を上げていてください… {n} 秒",
    },
    "gesture.engaged": {
        "ko": "제스처 커서 사용 중 · 주먹을 쥐거나 집으면 선택",
        "en": "Gesture cursor on · close your hand or pinch to select",
        "zh": "手势光标已开启 · 握拳或捏合即可选择",
        "ja": "ジェスチャーカーソル使用中 · 手を握るかつまむと選択",
    },
    "gesture.hand_lost": {
        "ko": "손이 보이지 않습니다 · 손을 다시 들어 주세요",
        "en": "Hand not seen · raise it again",
        "zh": "看不到手 · 请再次举手",
        "ja": "手が見えません · もう一度手を上げてください",
    },
    "gesture.no_camera": {
        "ko": "카메라 없음: 제스처 꺼짐",
        "en": "No camera: gestures off",
        "zh": "没有摄像头：手势已关闭",
        "ja": "カメラなし：ジェスチャーはオフ",
    },
    "gesture.no_model": {
        "ko": "제스처 모델 없음: 제스처 꺼짐",
        "en": "No gesture model: gestures off",
        "zh": "没有手势模型：手势已关闭",
        "ja": "ジェスチャーモデルなし：ジェスチャーはオフ",
    },
    "gesture.status.model": {
        "ko": "제스처 모델을 읽을 수 없습니다: {error}",
        "en": "gesture model cannot be loaded: {error}",
        "zh": "无法读取手势模型：{error}",
        "ja": "ジェスチャーモデルを読み込めません：{error}",
    },
    "gesture.status.config": {
        "ko": "제스처 설정 오류: {error}",
        "en": "gesture settings: {error}",
        "zh": "手势设置错误：{error}",
        "ja": "ジェスチャー設定のエラー：{error}",
    },
    "live.status.no_key": {
        "ko": "API 키 없음: 저장된 자료를 보여 줍니다",
        "en": "no API key: showing cached data",
        "zh": "没有 API 密钥：显示已保存的数据",
        "ja": "APIキーなし：保存済みのデータを表示しています",
    },
    "live.status.fetching": {
        "ko": "실시간 자료 {n}종 받는 중{notes}",
        "en": "live data: fetching {n} datasets{notes}",
        "zh": "实时数据：正在接收 {n} 类{notes}",
        "ja": "リアルタイムデータ：{n}種類を受信中{notes}",
    },
    "live.status.skipped": {
        "ko": " ({names}: 키 없음)",
        "en": " ({names}: no key)",
        "zh": "（{names}：没有密钥）",
        "ja": "（{names}：キーなし）",
    },
    "live.status.current": {
        "ko": "실시간 자료 {n}종 최신",
        "en": "live data: {n} of {n} datasets current",
        "zh": "实时数据：{n} 类均为最新",
        "ja": "リアルタイムデータ：{n}種類すべて最新",
    },
    "live.status.failing": {
        "ko": "실시간 자료 {total}종 중 {n}종 오류 ({dataset}: {error})",
        "en": "live data: {n} of {total} datasets failing ({dataset}: {error})",
        "zh": "实时数据：{total} 类中 {n} 类出错（{dataset}：{error}）",
        "ja": "リアルタイムデータ：{total}種類中{n}種類でエラー（{dataset}：{error}）",
    },
    "live.status.off": {
        "ko": "실시간 자료 꺼짐: {error}",
        "en": "live data off: {error}",
        "zh": "实时数据已关闭：{error}",
        "ja": "リアルタイムデータはオフ：{error}",
    },
    "content.status.default": {
        "ko": "기본 콘텐츠",
        "en": "default content",
        "zh": "默认内容",
        "ja": "標準コンテンツ",
    },
    "content.status.version": {
        "ko": "콘텐츠 {n}판",
        "en": "content v{n}",
        "zh": "内容第 {n} 版",
        "ja": "コンテンツ第{n}版",
    },
    "content.status.no_origin": {
        "ko": "{content} · 콘텐츠 서버 설정 없음",
        "en": "{content} · no content origin configured",
        "zh": "{content} · 未设置内容服务器",
        "ja": "{content} · コンテンツサーバー未設定",
    },
    "content.status.checked": {
        "ko": "{content} · {when} 확인",
        "en": "{content} · checked {when}",
        "zh": "{content} · {when} 已检查",
        "ja": "{content} · {when} 確認済み",
    },
    "content.status.failed": {
        "ko": "{content} 유지 · 갱신 실패 ({error})",
        "en": "keeping {content} · update failed ({error})",
        "zh": "保留{content} · 更新失败（{error}）",
        "ja": "{content}を維持 · 更新に失敗（{error}）",
    },
    "content.status.off": {
        "ko": "콘텐츠 갱신 꺼짐: {error}",
        "en": "content updates off: {error}",
        "zh": "内容更新已关闭：{error}",
        "ja": "コンテンツ更新はオフ：{error}",
    },
    "content.status.no_keys": {
        "ko": "콘텐츠 갱신 꺼짐: [bundles] public_keys 없음",
        "en": "content updates off: no [bundles] public_keys",
        "zh": "内容更新已关闭：没有 [bundles] public_keys",
        "ja": "コンテンツ更新はオフ：[bundles] public_keys なし",
    },
    "toast.rejected": {
        "ko": "지금 열 수 없는 화면입니다.",
        "en": "That page is not available here.",
        "zh": "此页面目前无法打开。",
        "ja": "この画面は今は開けません。",
    },
    # accessibility: the bar at the bottom of every screen, guidance mode, low reach
    "access.guidance": {"ko": "음성 안내", "en": "Voice guide", "zh": "语音导览", "ja": "音声案内"},
    "access.text_size": {
        "ko": "글자 크기 {percent}",
        "en": "Text size {percent}",
        "zh": "字号 {percent}",
        "ja": "文字サイズ {percent}",
    },
    "access.contrast": {
        "ko": "고대비",
        "en": "High contrast",
        "zh": "高对比度",
        "ja": "ハイコントラスト",
    },
    "access.low_reach": {
        "ko": "낮은 화면",
        "en": "Low reach",
        "zh": "低位操作",
        "ja": "低い位置で操作",
    },
    "access.on": {"ko": "켜짐", "en": "on", "zh": "已开启", "ja": "オン"},
    "access.off": {"ko": "꺼짐", "en": "off", "zh": "已关闭", "ja": "オフ"},
    "access.low_reach_note": {
        "ko": "낮은 화면 모드: 모든 버튼이 화면 아래쪽에 있습니다",
        "en": "Low reach: every button is in the lower part of the screen",
        "zh": "低位操作模式：所有按钮都在屏幕下方",
        "ja": "低い位置で操作：すべてのボタンは画面の下の方にあります",
    },
    "guidance.started": {
        "ko": "음성 안내를 시작합니다. 화면을 한 번 누르면 항목을 읽어 드리고, 두 번 누르면 선택됩니다. "
        "옆으로 밀면 다음 항목으로 이동합니다.",
        "en": "Voice guide is on. Touch the screen once to hear an item, twice to choose it. "
        "Swipe sideways to move to the next item.",
        "zh": "语音导览已开启。轻触一次屏幕朗读项目，轻触两次选择该项目。左右滑动移到下一个项目。",
        "ja": "音声案内を開始します。画面を一回タッチすると項目を読み上げ、二回タッチすると選択します。"
        "横にスワイプすると次の項目に移ります。",
    },
    "guidance.stopped": {
        "ko": "음성 안내를 마칩니다.",
        "en": "Voice guide is off.",
        "zh": "语音导览已关闭。",
        "ja": "音声案内を終了します。",
    },
    "guidance.banner": {
        "ko": "음성 안내 중 · 한 번 누르면 듣기, 두 번 누르면 선택",
        "en": "Voice guide on · touch once to hear, twice to choose",
        "zh": "语音导览中 · 轻触一次朗读，两次选择",
        "ja": "音声案内中 · 一回タッチで読み上げ、二回で選択",
    },
    "guidance.button": {"ko": "버튼", "en": "button", "zh": "按钮", "ja": "ボタン"},
    "guidance.selected": {"ko": "선택됨", "en": "selected", "zh": "已选中", "ja": "選択中"},
    "guidance.activate_hint": {
        "ko": "두 번 누르면 실행합니다.",
        "en": "Double tap to activate.",
        "zh": "轻触两次即可执行。",
        "ja": "二回タッチすると実行します。",
    },
    "guidance.page": {
        "ko": "{title} 화면입니다. {description}",
        "en": "{title} page. {description}",
        "zh": "{title}页面。{description}",
        "ja": "{title}の画面です。{description}",
    },
    "guidance.home": {
        "ko": "처음 화면입니다. 아래쪽에 분야별 버튼이 있습니다.",
        "en": "Start screen. The category buttons are in the lower part.",
        "zh": "首页。下方是各类别按钮。",
        "ja": "最初の画面です。下の方に分野別のボタンがあります。",
    },
    "guidance.language": {
        "ko": "한국어로 안내합니다.",
        "en": "Speaking English.",
        "zh": "现在使用中文。",
        "ja": "日本語で案内します。",
    },
    # staff mode and the health report (kiosk/health.py, kiosk/shell/staff.py)
    "health.title": {
        "ko": "키오스크 상태 보고 {when}",
        "en": "Kiosk health report {when}",
        "zh": "信息亭状态报告 {when}",
        "ja": "キオスク状態レポート {when}",
    },
    "health.warnings": {
        "ko": "확인할 문제",
        "en": "Problems",
        "zh": "需要处理的问题",
        "ja": "確認が必要な問題",
    },
    "health.all_ok": {"ko": "문제 없음", "en": "No problems", "zh": "没有问题", "ja": "問題なし"},
    "health.kiosk": {"ko": "키오스크", "en": "Kiosk", "zh": "信息亭", "ja": "キオスク"},
    "health.devices": {
        "ko": "장치와 서비스",
        "en": "Devices and services",
        "zh": "设备和服务",
        "ja": "機器とサービス",
    },
    "health.datasets": {"ko": "자료", "en": "Datasets", "zh": "数据", "ja": "データ"},
    "health.app": {
        "ko": "프로그램 버전",
        "en": "App version",
        "zh": "程序版本",
        "ja": "アプリのバージョン",
    },
    "health.content": {
        "ko": "콘텐츠 버전",
        "en": "Content version",
        "zh": "内容版本",
        "ja": "コンテンツのバージョン",
    },
    "health.content_value": {
        "ko": "{version} ({description})",
        "en": "{version} ({description})",
        "zh": "{version}（{description}）",
        "ja": "{version}（{description}）",
    },
    "health.state": {"ko": "실행 상태", "en": "State", "zh": "运行状态", "ja": "実行状態"},
    "health.running": {"ko": "실행 중", "en": "running", "zh": "运行中", "ja": "実行中"},
    "health.stopped": {"ko": "실행 중이 아님", "en": "not running", "zh": "未运行", "ja": "停止中"},
    "health.kiosk_mode": {
        "ko": "키오스크 모드",
        "en": "kiosk mode",
        "zh": "信息亭模式",
        "ja": "キオスクモード",
    },
    "health.windowed": {
        "ko": "창 모드(개발용)",
        "en": "windowed (development)",
        "zh": "窗口模式（开发用）",
        "ja": "ウィンドウモード（開発用）",
    },
    "health.uptime": {"ko": "가동 시간", "en": "Uptime", "zh": "运行时间", "ja": "稼働時間"},
    "health.system_uptime": {
        "ko": "시스템 {d}",
        "en": "system {d}",
        "zh": "系统 {d}",
        "ja": "システム {d}",
    },
    "health.days_hours": {
        "ko": "{d}일 {h}시간",
        "en": "{d} d {h} h",
        "zh": "{d} 天 {h} 小时",
        "ja": "{d} 日 {h} 時間",
    },
    "health.hours_minutes": {
        "ko": "{h}시간 {m}분",
        "en": "{h} h {m} min",
        "zh": "{h} 小时 {m} 分钟",
        "ja": "{h} 時間 {m} 分",
    },
    "health.last_touch": {
        "ko": "마지막 터치",
        "en": "Last touch",
        "zh": "最后一次触摸",
        "ja": "最後のタッチ",
    },
    "health.never": {"ko": "없음", "en": "never", "zh": "无", "ja": "なし"},
    "health.people": {
        "ko": "카메라 앞 사람",
        "en": "People in view",
        "zh": "摄像头前的人",
        "ja": "カメラの前の人",
    },
    "health.people_value": {
        "ko": "지금 {n}명 · 마지막 터치 이후 방문 {visits}회 · 마지막 감지 {last}",
        "en": "{n} now · {visits} visits since the last touch · last seen {last}",
        "zh": "当前 {n} 人 · 最后一次触摸后到访 {visits} 次 · 最后检测 {last}",
        "ja": "現在 {n} 人 · 最後のタッチ以降の来訪 {visits} 回 · 最終検出 {last}",
    },
    "health.memory": {"ko": "메모리", "en": "Memory", "zh": "内存", "ja": "メモリ"},
    "health.memory_value": {
        "ko": "키오스크 {rss} MiB · 시스템 여유 {available} / {total} GiB",
        "en": "kiosk {rss} MiB · system {available} of {total} GiB available",
        "zh": "信息亭 {rss} MiB · 系统可用 {available} / {total} GiB",
        "ja": "キオスク {rss} MiB · システム空き {available} / {total} GiB",
    },
    "health.disk": {"ko": "디스크", "en": "Disk", "zh": "磁盘", "ja": "ディスク"},
    "health.disk_value": {
        "ko": "{path} 여유 {free} / {total} GiB",
        "en": "{path}: {free} of {total} GiB free",
        "zh": "{path} 可用 {free} / {total} GiB",
        "ja": "{path} 空き {free} / {total} GiB",
    },
    "health.age": {
        "ko": "{age} · {rows}건",
        "en": "{age} · {rows} rows",
        "zh": "{age} · {rows} 条",
        "ja": "{age} · {rows} 件",
    },
    "health.error": {
        "ko": "실패 {when}: {error}",
        "en": "failed {when}: {error}",
        "zh": "失败 {when}：{error}",
        "ja": "失敗 {when}：{error}",
    },
    "health.next_fetch": {
        "ko": "다음 갱신 {when}",
        "en": "next fetch {when}",
        "zh": "下次更新 {when}",
        "ja": "次回更新 {when}",
    },
    "health.not_reported": {
        "ko": "보고 없음",
        "en": "not reported",
        "zh": "未报告",
        "ja": "報告なし",
    },
    "health.no_cache": {
        "ko": "캐시 파일이 없습니다: {path}",
        "en": "no cache file yet: {path}",
        "zh": "还没有缓存文件：{path}",
        "ja": "キャッシュファイルがありません：{path}",
    },
    "health.p.not_running": {
        "ko": "키오스크가 실행 중이 아닙니다 (마지막 신호 {when})",
        "en": "the kiosk is not running (last heartbeat {when})",
        "zh": "信息亭未运行（最后信号 {when}）",
        "ja": "キオスクが実行されていません（最終信号 {when}）",
    },
    "health.p.cache": {
        "ko": "캐시를 읽을 수 없음: {error}",
        "en": "cache unreadable: {error}",
        "zh": "无法读取缓存：{error}",
        "ja": "キャッシュを読み込めません：{error}",
    },
    "health.p.dead_touch": {
        "ko": "터치 화면 고장 의심: {hours}시간 동안 터치가 없는데 카메라 앞에 {visits}번 사람이 머물렀습니다",
        "en": "touch screen may be dead: no touch for {hours} h while people stood at the screen {visits} times",
        "zh": "触摸屏可能故障：{hours} 小时内没有触摸，但有 {visits} 次有人停留在屏幕前",
        "ja": "タッチ画面の故障の疑い：{hours} 時間タッチがないのに、画面の前に人が {visits} 回立ち止まりました",
    },
    "health.p.no_data": {
        "ko": "{id}: 자료 없음",
        "en": "{id}: no data",
        "zh": "{id}：无数据",
        "ja": "{id}：データなし",
    },
    "health.p.stale": {
        "ko": "{id}: 오래된 자료",
        "en": "{id}: out of date",
        "zh": "{id}：数据已过时",
        "ja": "{id}：古いデータ",
    },
    "health.p.disk": {
        "ko": "디스크 여유 공간 부족: {path} {free} MiB",
        "en": "disk almost full: {free} MiB free on {path}",
        "zh": "磁盘空间不足：{path} 仅剩 {free} MiB",
        "ja": "ディスクの空き容量不足：{path} 残り {free} MiB",
    },
    "health.p.memory": {
        "ko": "메모리 부족: 여유 {percent}%",
        "en": "memory low: {percent}% available",
        "zh": "内存不足：可用 {percent}%",
        "ja": "メモリ不足：空き {percent}%",
    },
    "staff.pin_title": {
        "ko": "관리자 PIN",
        "en": "Staff PIN",
        "zh": "管理员 PIN",
        "ja": "管理者 PIN",
    },
    "staff.pin_wrong": {
        "ko": "PIN이 틀렸습니다",
        "en": "Wrong PIN",
        "zh": "PIN 错误",
        "ja": "PIN が違います",
    },
    "staff.pin_locked": {
        "ko": "잠시 후 다시 시도하세요 ({n}초)",
        "en": "Too many attempts: try again in {n} s",
        "zh": "尝试次数过多：请 {n} 秒后重试",
        "ja": "試行回数が多すぎます：{n} 秒後にもう一度お試しください",
    },
    "staff.cancel": {"ko": "취소", "en": "Cancel", "zh": "取消", "ja": "キャンセル"},
    "staff.clear": {"ko": "지우기", "en": "Clear", "zh": "清除", "ja": "クリア"},
    "staff.ok": {"ko": "확인", "en": "OK", "zh": "确定", "ja": "OK"},
    "staff.title": {
        "ko": "관리자 화면: 키오스크 상태",
        "en": "Staff: kiosk health",
        "zh": "管理员：信息亭状态",
        "ja": "管理者画面：キオスクの状態",
    },
    "staff.reload": {
        "ko": "콘텐츠 다시 읽기",
        "en": "Reload content",
        "zh": "重新读取内容",
        "ja": "コンテンツを再読み込み",
    },
    "staff.rollback": {
        "ko": "이전 콘텐츠로 되돌리기",
        "en": "Roll back content",
        "zh": "恢复到之前的内容",
        "ja": "前のコンテンツに戻す",
    },
    "staff.restart": {"ko": "다시 시작", "en": "Restart", "zh": "重新启动", "ja": "再起動"},
    "staff.leave": {
        "ko": "키오스크 모드 끝내기",
        "en": "Leave kiosk mode",
        "zh": "退出信息亭模式",
        "ja": "キオスクモードを終了",
    },
    "staff.close": {"ko": "닫기", "en": "Close", "zh": "关闭", "ja": "閉じる"},
    "staff.confirm": {
        "ko": "한 번 더 누르면 실행합니다",
        "en": "Press again to confirm",
        "zh": "再按一次确认",
        "ja": "もう一度押すと実行します",
    },
    "staff.reloaded": {
        "ko": "콘텐츠를 다시 읽었습니다",
        "en": "Content reloaded",
        "zh": "内容已重新读取",
        "ja": "コンテンツを再読み込みしました",
    },
    "staff.rolled_back": {
        "ko": "콘텐츠 버전 {version}(으)로 되돌렸습니다",
        "en": "Rolled back to content version {version}",
        "zh": "已恢复到内容版本 {version}",
        "ja": "コンテンツのバージョン {version} に戻しました",
    },
    "staff.failed": {
        "ko": "실패: {error}",
        "en": "Failed: {error}",
        "zh": "失败：{error}",
        "ja": "失敗：{error}",
    },
    # --- staff content pages: water, prices, parks, opinion (content-a) ---
    "staff_content.as_of": {
        "ko": "{date} 기준",
        "en": "As of {date}",
        "zh": "截至 {date}",
        "ja": "{date} 時点",
    },
    "staff_content.source": {
        "ko": "출처: {source}",
        "en": "Source: {source}",
        "zh": "来源：{source}",
        "ja": "出典：{source}",
    },
    "staff_content.missing": {
        "ko": "아직 이 화면의 자료가 없습니다. 서울시 직원이 콘텐츠 묶음으로 보내면 표시됩니다.",
        "en": "No content for this page yet. It appears when city staff send it in a content bundle.",
        "zh": "此页面尚无内容。首尔市工作人员通过内容包发送后即会显示。",
        "ja": "この画面のデータはまだありません。ソウル市の職員がコンテンツ束で送ると表示されます。",
    },
    "staff_content.broken": {
        "ko": "자료 파일에 문제가 있어 표시할 수 없습니다. 담당 직원에게 알려 주세요.",
        "en": "The content file has a problem and cannot be shown. Please tell the staff.",
        "zh": "内容文件有问题，无法显示。请告知工作人员。",
        "ja": "データファイルに問題があり表示できません。担当職員にお知らせください。",
    },
    "staff_content.file": {
        "ko": "파일 {file} · 콘텐츠 {version}판",
        "en": "File {file} · content version {version}",
        "zh": "文件 {file} · 内容第 {version} 版",
        "ja": "ファイル {file} · コンテンツ第 {version} 版",
    },
    "staff_content.skipped": {
        "ko": "형식이 맞지 않는 항목 {n}개는 빠졌습니다: {reasons}",
        "en": "{n} entries with a wrong format were left out: {reasons}",
        "zh": "{n} 个格式不正确的条目未显示：{reasons}",
        "ja": "形式が正しくない {n} 件は表示していません：{reasons}",
    },
    "water.col.centre": {
        "ko": "정수센터",
        "en": "Purification centre",
        "zh": "净水中心",
        "ja": "浄水センター",
    },
    "water.turbidity_ntu": {"ko": "탁도", "en": "Turbidity", "zh": "浊度", "ja": "濁度"},
    "water.residual_chlorine_mg_l": {
        "ko": "잔류염소",
        "en": "Residual chlorine",
        "zh": "余氯",
        "ja": "残留塩素",
    },
    "water.ph": {"ko": "pH", "en": "pH", "zh": "pH", "ja": "pH"},
    "water.at_most": {
        "ko": "기준 {high} 이하",
        "en": "Standard ≤ {high}",
        "zh": "标准 ≤ {high}",
        "ja": "基準 {high} 以下",
    },
    "water.between": {
        "ko": "기준 {low}~{high}",
        "en": "Standard {low}–{high}",
        "zh": "标准 {low}~{high}",
        "ja": "基準 {low}~{high}",
    },
    "water.meets": {"ko": "기준 적합", "en": "Meets standard", "zh": "符合标准", "ja": "基準適合"},
    "water.fails": {
        "ko": "기준 벗어남: {what}",
        "en": "Outside standard: {what}",
        "zh": "超出标准：{what}",
        "ja": "基準外：{what}",
    },
    "water.summary_ok": {
        "ko": "{n}개 정수센터 모두 먹는물 수질기준에 맞습니다.",
        "en": "All {n} purification centres meet the drinking-water standards.",
        "zh": "全部 {n} 个净水中心均符合饮用水水质标准。",
        "ja": "{n} か所の浄水センターすべてが飲用水の水質基準を満たしています。",
    },
    "water.summary_fail": {
        "ko": "{n}개 정수센터 중 {bad}곳의 값이 기준을 벗어났습니다.",
        "en": "{bad} of {n} purification centres have a value outside the standards.",
        "zh": "{n} 个净水中心中有 {bad} 个的数值超出标准。",
        "ja": "{n} か所中 {bad} か所の浄水センターで基準外の値があります。",
    },
    "water.measured": {
        "ko": "측정 {date}",
        "en": "Measured {date}",
        "zh": "测量 {date}",
        "ja": "測定 {date}",
    },
    "water.standard_source": {
        "ko": "기준: {source}",
        "en": "Standards: {source}",
        "zh": "标准：{source}",
        "ja": "基準：{source}",
    },
    "prices.col.item": {"ko": "품목", "en": "Item", "zh": "品名", "ja": "品目"},
    "prices.col.lowest": {"ko": "최저가", "en": "Lowest", "zh": "最低价", "ja": "最安値"},
    "prices.col.highest": {"ko": "최고가", "en": "Highest", "zh": "最高价", "ja": "最高値"},
    "prices.won": {"ko": "{n}원", "en": "₩{n}", "zh": "{n} 韩元", "ja": "{n} ウォン"},
    "prices.markets": {
        "ko": "조사 시장: {markets}",
        "en": "Markets surveyed: {markets}",
        "zh": "调查市场：{markets}",
        "ja": "調査市場：{markets}",
    },
    "parks.all": {"ko": "전체", "en": "All", "zh": "全部", "ja": "すべて"},
    "parks.only_trails": {"ko": "둘레길", "en": "Trails", "zh": "步道", "ja": "トレイル"},
    "parks.only_parks": {"ko": "공원", "en": "Parks", "zh": "公园", "ja": "公園"},
    "parks.none": {
        "ko": "이 종류의 장소가 자료에 없습니다.",
        "en": "There are no places of this kind in the content.",
        "zh": "内容中没有此类地点。",
        "ja": "この種類の場所はデータにありません。",
    },
    "parks.trail": {"ko": "둘레길", "en": "Trail", "zh": "步道", "ja": "トレイル"},
    "parks.park": {"ko": "공원", "en": "Park", "zh": "公园", "ja": "公園"},
    "parks.from_here": {
        "ko": "{site}에서 가까운 순 (직선 거리)",
        "en": "Nearest to {site} first (straight-line distance)",
        "zh": "按离{site}由近到远排列（直线距离）",
        "ja": "{site}から近い順（直線距離）",
    },
    "parks.length": {
        "ko": "길이 {length}",
        "en": "{length} long",
        "zh": "全长 {length}",
        "ja": "全長 {length}",
    },
    "parks.hours": {
        "ko": "약 {n}시간",
        "en": "about {n} h",
        "zh": "约 {n} 小时",
        "ja": "約 {n} 時間",
    },
    "parks.nearest_point": {
        "ko": "가까운 지점: {point}",
        "en": "Nearest point: {point}",
        "zh": "最近地点：{point}",
        "ja": "最寄り地点：{point}",
    },
    "opinion.total": {
        "ko": "{month} 민원 {n}건",
        "en": "{n} complaints in {month}",
        "zh": "{month}投诉 {n} 件",
        "ja": "{month}の苦情 {n} 件",
    },
    "opinion.count": {"ko": "{n}건", "en": "{n}", "zh": "{n} 件", "ja": "{n} 件"},
    "opinion.change": {
        "ko": "전월보다 {arrow} {n}",
        "en": "{arrow} {n} on last month",
        "zh": "比上月 {arrow} {n}",
        "ja": "前月比 {arrow} {n}",
    },
    "opinion.trend": {
        "ko": "분야별 민원 추이 (점을 누르면 건수가 보입니다)",
        "en": "Complaints by type over the months (tap a point for its count)",
        "zh": "各类投诉趋势（点击数据点查看件数）",
        "ja": "分野別の苦情の推移（点をタップすると件数を表示）",
    },
    "opinion.axis": {"ko": "건수", "en": "Complaints", "zh": "件数", "ja": "件数"},
    "opinion.point": {
        "ko": "{type} · {month}: {n}건",
        "en": "{type} · {month}: {n}",
        "zh": "{type} · {month}：{n} 件",
        "ja": "{type} · {month}：{n} 件",
    },
    # --- city: traffic, population and weather pages ---
    "city.places": {
        "ko": "장소 선택",
        "en": "Choose a place",
        "zh": "选择地点",
        "ja": "場所を選ぶ",
    },
    "city.as_of": {
        "ko": "{when} 기준",
        "en": "as of {when}",
        "zh": "{when} 时",
        "ja": "{when} 時点",
    },
    "city.tap_hint": {
        "ko": "차트의 점이나 막대를 누르면 값이 보입니다",
        "en": "Tap a point or a bar to see its value",
        "zh": "点按图表中的点或柱查看数值",
        "ja": "グラフの点や棒をタップすると値が表示されます",
    },
    "traffic.no_data": {
        "ko": "교통 자료가 없습니다.",
        "en": "No traffic data.",
        "zh": "没有交通数据。",
        "ja": "交通データがありません。",
    },
    "traffic.unknown": {"ko": "정보 없음", "en": "Unknown", "zh": "未知", "ja": "不明"},
    "traffic.road.0": {"ko": "원활", "en": "Moving", "zh": "畅通", "ja": "順調"},
    "traffic.road.1": {"ko": "서행", "en": "Slow", "zh": "缓行", "ja": "徐行"},
    "traffic.road.2": {"ko": "정체", "en": "Congested", "zh": "拥堵", "ja": "渋滞"},
    "traffic.road_msg.0": {
        "ko": "도로 소통이 원활해요.",
        "en": "Traffic is moving well around here.",
        "zh": "周边道路畅通。",
        "ja": "周辺の道路は順調に流れています。",
    },
    "traffic.road_msg.1": {
        "ko": "도로가 다소 막혀요.",
        "en": "Traffic is slow around here.",
        "zh": "周边道路车速较慢。",
        "ja": "周辺の道路はやや混んでいます。",
    },
    "traffic.road_msg.2": {
        "ko": "해당 장소로 이동·진입시 시간이 오래 걸릴 수 있어요.",
        "en": "Roads are congested: getting here by car may take a long time.",
        "zh": "道路拥堵，开车前往可能需要很长时间。",
        "ja": "道路が渋滞しています。車での移動に時間がかかることがあります。",
    },
    "traffic.roads_title": {
        "ko": "주변 도로",
        "en": "Roads nearby",
        "zh": "周边道路",
        "ja": "周辺の道路",
    },
    "traffic.average_speed": {
        "ko": "평균 {speed}",
        "en": "Average {speed}",
        "zh": "平均 {speed}",
        "ja": "平均 {speed}",
    },
    "traffic.no_roads": {
        "ko": "도로 소통 자료가 없습니다.",
        "en": "No road traffic data.",
        "zh": "没有道路交通数据。",
        "ja": "道路交通データがありません。",
    },
    "traffic.bus_title": {
        "ko": "버스정류장",
        "en": "Bus stops",
        "zh": "公交车站",
        "ja": "バス停",
    },
    "traffic.bus_number": {
        "ko": "정류소 번호 {id}",
        "en": "Stop no. {id}",
        "zh": "站号 {id}",
        "ja": "停留所番号 {id}",
    },
    "traffic.no_bus": {
        "ko": "버스정류장 자료가 없습니다.",
        "en": "No bus stop data.",
        "zh": "没有公交车站数据。",
        "ja": "バス停のデータがありません。",
    },
    "traffic.parking_title": {"ko": "주차장", "en": "Parking", "zh": "停车场", "ja": "駐車場"},
    "traffic.parking.free_spaces": {
        "ko": "빈자리 {n}",
        "en": "{n} free",
        "zh": "空位 {n}",
        "ja": "空き {n}",
    },
    "traffic.parking.capacity": {
        "ko": "전체 {n}면",
        "en": "{n} spaces",
        "zh": "共 {n} 个车位",
        "ja": "全 {n} 台",
    },
    "traffic.parking.live": {"ko": "실시간", "en": "Live", "zh": "实时", "ja": "リアルタイム"},
    "traffic.parking.not_live": {
        "ko": "실시간 정보 없음",
        "en": "No live count",
        "zh": "无实时信息",
        "ja": "リアルタイム情報なし",
    },
    "traffic.parking.free": {"ko": "무료", "en": "Free", "zh": "免费", "ja": "無料"},
    "traffic.parking.fee": {
        "ko": "{minutes}분 {won}원",
        "en": "₩{won} per {minutes} min",
        "zh": "{minutes} 分钟 {won} 韩元",
        "ja": "{minutes} 分 {won} ウォン",
    },
    "traffic.parking.fee_extra": {
        "ko": "추가 {minutes}분마다 {won}원",
        "en": "then ₩{won} per {minutes} min",
        "zh": "之后每 {minutes} 分钟 {won} 韩元",
        "ja": "以降 {minutes} 分ごとに {won} ウォン",
    },
    "traffic.no_parking": {
        "ko": "주차장 자료가 없습니다.",
        "en": "No parking data.",
        "zh": "没有停车场数据。",
        "ja": "駐車場のデータがありません。",
    },
    "population.no_data": {
        "ko": "생활인구 자료가 없습니다.",
        "en": "No live population data.",
        "zh": "没有实时人口数据。",
        "ja": "生活人口のデータがありません。",
    },
    "population.level.0": {"ko": "여유", "en": "Not busy", "zh": "宽松", "ja": "ゆったり"},
    "population.level.1": {"ko": "보통", "en": "Normal", "zh": "一般", "ja": "普通"},
    "population.level.2": {
        "ko": "약간 붐빔",
        "en": "Getting busy",
        "zh": "稍拥挤",
        "ja": "やや混雑",
    },
    "population.level.3": {"ko": "붐빔", "en": "Crowded", "zh": "拥挤", "ja": "混雑"},
    "population.msg.0": {
        "ko": "사람이 몰려있지 않아 여유롭게 이동할 수 있어요.",
        "en": "Few people around: you can move about freely.",
        "zh": "人不多，可以轻松走动。",
        "ja": "人が少なく、ゆったり移動できます。",
    },
    "population.msg.1": {
        "ko": "사람이 몰려있을 수 있지만 크게 붐비지는 않아요.",
        "en": "There may be groups of people, but it is not very crowded.",
        "zh": "可能有人群聚集，但不算太拥挤。",
        "ja": "人が集まっていることもありますが、それほど混んでいません。",
    },
    "population.msg.2": {
        "ko": "사람들이 몰려있을 가능성이 크고 붐빈다고 느낄 수 있어요.",
        "en": "It is likely busy here and may feel crowded.",
        "zh": "人群可能较多，会感到拥挤。",
        "ja": "人が多く、混雑を感じるかもしれません。",
    },
    "population.msg.3": {
        "ko": "사람들이 몰려있어 붐비고 이동에 제약이 있을 수 있어요.",
        "en": "It is crowded here: walking may be slow.",
        "zh": "这里很拥挤，行走可能受限。",
        "ja": "混雑しており、移動しにくいことがあります。",
    },
    "population.now_title": {
        "ko": "지금 이곳의 인구",
        "en": "People here now",
        "zh": "此处当前人口",
        "ja": "現在この場所にいる人",
    },
    "population.people": {"ko": "{n}명", "en": "{n} people", "zh": "{n} 人", "ja": "{n} 人"},
    "population.range": {
        "ko": "{low}~{high}명",
        "en": "{low}–{high} people",
        "zh": "{low}~{high} 人",
        "ja": "{low}~{high} 人",
    },
    "population.age": {"ko": "{n}대", "en": "{n}s", "zh": "{n}多岁", "ja": "{n}代"},
    "population.age_last": {
        "ko": "{n}대+",
        "en": "{n}+",
        "zh": "{n}岁+",
        "ja": "{n}代+",
    },
    "population.ages_title": {
        "ko": "연령대별 비율",
        "en": "By age",
        "zh": "年龄构成",
        "ja": "年齢別の割合",
    },
    "population.mix_title": {
        "ko": "성별·거주 비율",
        "en": "By sex and residence",
        "zh": "性别与居住构成",
        "ja": "性別・居住の割合",
    },
    "population.sex": {"ko": "성별", "en": "Sex", "zh": "性别", "ja": "性別"},
    "population.residence": {"ko": "거주", "en": "Residence", "zh": "居住", "ja": "居住"},
    "population.male": {"ko": "남성", "en": "Men", "zh": "男性", "ja": "男性"},
    "population.female": {"ko": "여성", "en": "Women", "zh": "女性", "ja": "女性"},
    "population.resident": {"ko": "상주", "en": "Residents", "zh": "常住", "ja": "常住"},
    "population.non_resident": {
        "ko": "비상주",
        "en": "Visitors",
        "zh": "非常住",
        "ja": "非常住",
    },
    "population.share": {"ko": "비율 %", "en": "Share %", "zh": "比例 %", "ja": "割合 %"},
    "population.forecast_title": {
        "ko": "시간대별 인구 예측",
        "en": "Forecast by hour",
        "zh": "分时段人口预测",
        "ja": "時間帯別の人口予測",
    },
    "population.forecast_min": {"ko": "최소", "en": "Fewest", "zh": "最少", "ja": "最少"},
    "population.forecast_max": {"ko": "최대", "en": "Most", "zh": "最多", "ja": "最多"},
    "population.people_axis": {"ko": "명", "en": "people", "zh": "人", "ja": "人"},
    "population.peak": {
        "ko": "앞으로 가장 붐빌 때: {when} · {level}",
        "en": "Busiest ahead: {when} · {level}",
        "zh": "预计最拥挤：{when} · {level}",
        "ja": "今後最も混む時間：{when} · {level}",
    },
    "population.levels": {"ko": "혼잡도", "en": "Crowding", "zh": "拥挤程度", "ja": "混雑度"},
    "population.no_forecast": {
        "ko": "예측 자료가 없습니다.",
        "en": "No forecast.",
        "zh": "没有预测数据。",
        "ja": "予測データがありません。",
    },
    "population.no_breakdown": {
        "ko": "구성 비율 자료가 없습니다.",
        "en": "No breakdown.",
        "zh": "没有构成数据。",
        "ja": "構成データがありません。",
    },
    "weather.now_title": {
        "ko": "지금 날씨",
        "en": "Weather now",
        "zh": "当前天气",
        "ja": "現在の天気",
    },
    "weather.temperature": {"ko": "기온", "en": "Temperature", "zh": "气温", "ja": "気温"},
    "weather.sky": {"ko": "하늘", "en": "Sky", "zh": "天空", "ja": "空"},
    "weather.low_high": {
        "ko": "최저 / 최고",
        "en": "Low / high",
        "zh": "最低 / 最高",
        "ja": "最低 / 最高",
    },
    "weather.precipitation": {"ko": "강수", "en": "Precipitation", "zh": "降水", "ja": "降水"},
    "weather.wind_label": {"ko": "바람", "en": "Wind", "zh": "风", "ja": "風"},
    "weather.wind_speed": {"ko": "{n} m/s", "en": "{n} m/s", "zh": "{n} 米/秒", "ja": "{n} m/s"},
    "weather.humidity_label": {"ko": "습도", "en": "Humidity", "zh": "湿度", "ja": "湿度"},
    "weather.uv": {"ko": "자외선", "en": "UV", "zh": "紫外线", "ja": "紫外線"},
    "weather.uv.0": {"ko": "낮음", "en": "Low", "zh": "低", "ja": "弱い"},
    "weather.uv.1": {"ko": "보통", "en": "Moderate", "zh": "中等", "ja": "中程度"},
    "weather.uv.2": {"ko": "높음", "en": "High", "zh": "高", "ja": "強い"},
    "weather.uv.3": {"ko": "매우 높음", "en": "Very high", "zh": "很高", "ja": "非常に強い"},
    "weather.uv.4": {"ko": "위험", "en": "Extreme", "zh": "危险", "ja": "極端に強い"},
    "weather.sky.clear": {"ko": "맑음", "en": "Clear", "zh": "晴", "ja": "晴れ"},
    "weather.sky.mostly_cloudy": {
        "ko": "구름많음",
        "en": "Mostly cloudy",
        "zh": "多云",
        "ja": "曇りがち",
    },
    "weather.sky.cloudy": {"ko": "흐림", "en": "Cloudy", "zh": "阴", "ja": "曇り"},
    "weather.dir.N": {"ko": "북풍", "en": "N", "zh": "北风", "ja": "北の風"},
    "weather.dir.NNE": {"ko": "북북동풍", "en": "NNE", "zh": "北东北风", "ja": "北北東の風"},
    "weather.dir.NE": {"ko": "북동풍", "en": "NE", "zh": "东北风", "ja": "北東の風"},
    "weather.dir.ENE": {"ko": "동북동풍", "en": "ENE", "zh": "东东北风", "ja": "東北東の風"},
    "weather.dir.E": {"ko": "동풍", "en": "E", "zh": "东风", "ja": "東の風"},
    "weather.dir.ESE": {"ko": "동남동풍", "en": "ESE", "zh": "东东南风", "ja": "東南東の風"},
    "weather.dir.SE": {"ko": "남동풍", "en": "SE", "zh": "东南风", "ja": "南東の風"},
    "weather.dir.SSE": {"ko": "남남동풍", "en": "SSE", "zh": "南东南风", "ja": "南南東の風"},
    "weather.dir.S": {"ko": "남풍", "en": "S", "zh": "南风", "ja": "南の風"},
    "weather.dir.SSW": {"ko": "남남서풍", "en": "SSW", "zh": "南西南风", "ja": "南南西の風"},
    "weather.dir.SW": {"ko": "남서풍", "en": "SW", "zh": "西南风", "ja": "南西の風"},
    "weather.dir.WSW": {"ko": "서남서풍", "en": "WSW", "zh": "西西南风", "ja": "西南西の風"},
    "weather.dir.W": {"ko": "서풍", "en": "W", "zh": "西风", "ja": "西の風"},
    "weather.dir.WNW": {"ko": "서북서풍", "en": "WNW", "zh": "西西北风", "ja": "西北西の風"},
    "weather.dir.NW": {"ko": "북서풍", "en": "NW", "zh": "西北风", "ja": "北西の風"},
    "weather.dir.NNW": {"ko": "북북서풍", "en": "NNW", "zh": "北西北风", "ja": "北北西の風"},
    "precip.4": {"ko": "소나기", "en": "Showers", "zh": "阵雨", "ja": "にわか雨"},
    "weather.source.kma": {
        "ko": "기상청 초단기실황",
        "en": "KMA nowcast",
        "zh": "韩国气象厅实况",
        "ja": "韓国気象庁 実況",
    },
    "weather.source.citydata": {
        "ko": "서울 도시데이터 · {place}",
        "en": "Seoul city data · {place}",
        "zh": "首尔城市数据 · {place}",
        "ja": "ソウル都市データ · {place}",
    },
    "weather.forecast_title": {
        "ko": "24시간 예보",
        "en": "24-hour forecast",
        "zh": "24 小时预报",
        "ja": "24 時間予報",
    },
    "weather.rain_chance": {
        "ko": "강수확률 {n}%",
        "en": "Rain {n}%",
        "zh": "降水概率 {n}%",
        "ja": "降水確率 {n}%",
    },
    "weather.temperature_axis": {"ko": "°C", "en": "°C", "zh": "°C", "ja": "°C"},
    "weather.no_forecast": {
        "ko": "예보 자료가 없습니다.",
        "en": "No forecast.",
        "zh": "没有预报数据。",
        "ja": "予報データがありません。",
    },
    # --- staff content pages: indicators, projects, library, resume (content-b) ---
    "staff_content.empty": {
        "ko": "이 파일에는 표시할 항목이 없습니다.",
        "en": "This file has nothing to show.",
        "zh": "此文件中没有可显示的项目。",
        "ja": "このファイルには表示する項目がありません。",
    },
    "staff_content.example": {"ko": "예시", "en": "Example", "zh": "示例", "ja": "例"},
    "staff_content.source_year": {
        "ko": "출처: {source} ({year})",
        "en": "Source: {source} ({year})",
        "zh": "来源：{source}（{year}）",
        "ja": "出典：{source}（{year}）",
    },
    "cityind.target": {
        "ko": "목표 {value}",
        "en": "Target {value}",
        "zh": "目标 {value}",
        "ja": "目標 {value}",
    },
    "cityind.count": {
        "ko": "지표 {n}개",
        "en": "Indicators: {n}",
        "zh": "指标 {n} 项",
        "ja": "指標 {n} 件",
    },
    "cityind.trend": {
        "ko": "{name} 추이",
        "en": "{name}: trend",
        "zh": "{name} 趋势",
        "ja": "{name} の推移",
    },
    "cityind.tap_hint": {
        "ko": "점을 누르면 값이 보입니다.",
        "en": "Tap a point to see its value.",
        "zh": "点击数据点即可查看数值。",
        "ja": "点をタッチすると値が表示されます。",
    },
    "cityind.target_key": {
        "ko": "점선은 목표 {value}입니다. 점을 누르면 값이 보입니다.",
        "en": "The dashed line is the target, {value}. Tap a point to see its value.",
        "zh": "虚线为目标 {value}。点击数据点即可查看数值。",
        "ja": "点線は目標 {value} です。点をタッチすると値が表示されます。",
    },
    "cityind.no_history": {
        "ko": "이 지표는 추이 자료가 없습니다.",
        "en": "This indicator has no history to chart.",
        "zh": "此指标没有历史数据。",
        "ja": "この指標には推移データがありません。",
    },
    "cityind.target_line": {"ko": "목표", "en": "Target", "zh": "目标", "ja": "目標"},
    "projects.progress": {
        "ko": "진행률 {value}%",
        "en": "{value}% complete",
        "zh": "进度 {value}%",
        "ja": "進捗 {value}%",
    },
    "projects.period": {
        "ko": "사업 기간 {start} ~ {end}",
        "en": "From {start} to {end}",
        "zh": "项目期间 {start} ~ {end}",
        "ja": "事業期間 {start}～{end}",
    },
    "projects.in_progress": {"ko": "진행 중", "en": "In progress", "zh": "进行中", "ja": "進行中"},
    "projects.done": {"ko": "완료", "en": "Completed", "zh": "已完成", "ja": "完了"},
    "projects.milestones": {
        "ko": "주요 일정",
        "en": "Milestones",
        "zh": "主要日程",
        "ja": "主な日程",
    },
    "projects.documents": {
        "ko": "관련 문서",
        "en": "Documents",
        "zh": "相关文件",
        "ja": "関連文書",
    },
    "projects.unavailable": {
        "ko": "{title} (파일 없음)",
        "en": "{title} (file not available)",
        "zh": "{title}（无文件）",
        "ja": "{title}（ファイルなし）",
    },
    "projects.close_document": {
        "ko": "문서 닫기",
        "en": "Close document",
        "zh": "关闭文件",
        "ja": "文書を閉じる",
    },
    "library.kind.report": {"ko": "보고서", "en": "Report", "zh": "报告", "ja": "報告書"},
    "library.kind.white_paper": {"ko": "백서", "en": "White paper", "zh": "白皮书", "ja": "白書"},
    "library.kind.statistics": {"ko": "통계", "en": "Statistics", "zh": "统计", "ja": "統計"},
    "library.kind.guide": {"ko": "안내서", "en": "Guide", "zh": "指南", "ja": "案内書"},
    "library.published": {
        "ko": "{publisher} · {date} 발행",
        "en": "{publisher} · published {date}",
        "zh": "{publisher} · {date} 发布",
        "ja": "{publisher}・{date} 発行",
    },
    "resume.figures": {
        "ko": "숫자로 보는 서울",
        "en": "Seoul in figures",
        "zh": "数字看首尔",
        "ja": "数字で見るソウル",
    },
    "resume.rankings": {
        "ko": "세계 속의 서울",
        "en": "Seoul in the world",
        "zh": "世界中的首尔",
        "ja": "世界の中のソウル",
    },
    "resume.rank": {"ko": "{rank}위", "en": "No. {rank}", "zh": "第 {rank} 名", "ja": "{rank} 位"},
    "resume.out_of": {
        "ko": "비교 대상 {n}개 도시",
        "en": "among {n} cities",
        "zh": "共 {n} 个城市参与比较",
        "ja": "比較対象 {n} 都市",
    },
    # --- map ---
    "map.here": {"ko": "현재 위치", "en": "You are here", "zh": "当前位置", "ja": "現在地"},
    "map.accessible": {
        "ko": "서울 25개 자치구 지도. 구를 누르면 자세한 정보가 나옵니다.",
        "en": "Map of Seoul's 25 districts. Tap a district for its details.",
        "zh": "首尔 25 个区的地图。点击区可查看详细信息。",
        "ja": "ソウル 25 区の地図。区をタップすると詳しい情報が出ます。",
    },
    "map.broken": {
        "ko": "지도를 표시할 수 없습니다. 관리자에게 알려 주세요.",
        "en": "The map cannot be shown. Please tell the staff.",
        "zh": "无法显示地图。请告知工作人员。",
        "ja": "地図を表示できません。係員にお知らせください。",
    },
    "map.home_title": {
        "ko": "지도 · {layer}",
        "en": "Map · {layer}",
        "zh": "地图 · {layer}",
        "ja": "地図 · {layer}",
    },
    "map.layer.air": {"ko": "대기질", "en": "Air quality", "zh": "空气质量", "ja": "大気質"},
    "map.layer.congestion": {"ko": "혼잡도", "en": "Congestion", "zh": "拥挤程度", "ja": "混雑度"},
    "map.layer.incidents": {
        "ko": "사고·재난",
        "en": "Incidents",
        "zh": "事故·灾害",
        "ja": "事故・災害",
    },
    "map.view.city": {
        "ko": "서울 전체",
        "en": "All of Seoul",
        "zh": "首尔全域",
        "ja": "ソウル全体",
    },
    "map.view.near": {"ko": "내 주변", "en": "Around here", "zh": "周边", "ja": "この周辺"},
    "map.tap_hint": {
        "ko": "지도에서 구를 누르면 그 구의 정보가 나옵니다.",
        "en": "Tap a district on the map to see it here.",
        "zh": "点击地图上的区，在此查看该区信息。",
        "ja": "地図の区をタップすると、ここにその区の情報が出ます。",
    },
    "map.section.air": {"ko": "대기질", "en": "Air quality", "zh": "空气质量", "ja": "大気質"},
    "map.section.congestion": {
        "ko": "실시간 혼잡도",
        "en": "Live congestion",
        "zh": "实时拥挤程度",
        "ja": "リアルタイム混雑度",
    },
    "map.section.alerts": {
        "ko": "진행 중인 재난·사고",
        "en": "Active alerts and incidents",
        "zh": "进行中的灾害·事故",
        "ja": "発生中の災害・事故",
    },
    "map.no_hotspot": {
        "ko": "이 구에는 실시간 인구 자료를 받는 장소가 없습니다.",
        "en": "No place in this district with live population data.",
        "zh": "该区没有提供实时人口数据的地点。",
        "ja": "この区にはリアルタイム人口データのある場所がありません。",
    },
    "map.no_alerts": {
        "ko": "진행 중인 재난문자나 사고가 없습니다.",
        "en": "No active alerts or incidents.",
        "zh": "目前没有灾害短信或事故。",
        "ja": "発生中の災害メッセージや事故はありません。",
    },
    "map.alert": {"ko": "재난문자", "en": "Alert", "zh": "灾害短信", "ja": "災害メッセージ"},
    "map.incident": {"ko": "사고·통제", "en": "Incident", "zh": "事故·管制", "ja": "事故・規制"},
    "map.no_data": {"ko": "자료 없음", "en": "No data", "zh": "无数据", "ja": "データなし"},
    "map.congestion.0": {"ko": "여유", "en": "Not busy", "zh": "宽松", "ja": "余裕"},
    "map.congestion.1": {"ko": "보통", "en": "Normal", "zh": "一般", "ja": "普通"},
    "map.congestion.2": {"ko": "약간 붐빔", "en": "Busy", "zh": "略拥挤", "ja": "やや混雑"},
    "map.congestion.3": {"ko": "붐빔", "en": "Very busy", "zh": "拥挤", "ja": "混雑"},
    "map.incidents_none": {"ko": "없음", "en": "None", "zh": "无", "ja": "なし"},
    "map.incidents_n": {"ko": "{n}건", "en": "{n} active", "zh": "{n} 起", "ja": "{n} 件"},
    "map.incidents_many": {
        "ko": "{n}건 이상",
        "en": "{n} or more",
        "zh": "{n} 起以上",
        "ja": "{n} 件以上",
    },
    # --- voice control ---
    "voice.loading": {
        "ko": "음성 인식 준비 중…",
        "en": "Voice control starting…",
        "zh": "语音控制正在启动…",
        "ja": "音声操作を準備中…",
    },
    "voice.idle": {
        "ko": "“서울아” 하고 부른 뒤 화면 이름을 말씀하세요",
        "en": "Say “서울아” (Seoul-a), then a page name",
        "zh": "说“서울아”（首尔啊），然后说页面名称",
        "ja": "「서울아」（ソウラ）と呼んでから画面の名前を言ってください",
    },
    "voice.listening": {
        "ko": "듣고 있어요… 화면 이름을 말씀하세요",
        "en": "Listening… say a page name",
        "zh": "正在聆听… 请说页面名称",
        "ja": "聞いています… 画面の名前をどうぞ",
    },
    "voice.no_microphone": {
        "ko": "마이크 없음: 음성 명령 꺼짐",
        "en": "No microphone: voice control off",
        "zh": "没有麦克风：语音控制已关闭",
        "ja": "マイクなし：音声操作はオフ",
    },
    "voice.no_model": {
        "ko": "음성 모델 없음: 음성 명령 꺼짐",
        "en": "No speech model: voice control off",
        "zh": "没有语音模型：语音控制已关闭",
        "ja": "音声モデルなし：音声操作はオフ",
    },
    "voice.status.microphone": {
        "ko": "마이크: {error}",
        "en": "microphone: {error}",
        "zh": "麦克风：{error}",
        "ja": "マイク：{error}",
    },
    "voice.status.model": {
        "ko": "음성 모델을 읽을 수 없습니다: {error}",
        "en": "speech model cannot be loaded: {error}",
        "zh": "无法读取语音模型：{error}",
        "ja": "音声モデルを読み込めません：{error}",
    },
    "voice.status.config": {
        "ko": "음성 설정 오류: {error}",
        "en": "voice settings: {error}",
        "zh": "语音设置错误：{error}",
        "ja": "音声設定のエラー：{error}",
    },
    "voice.showing": {
        "ko": "{title} 화면을 보여드립니다",
        "en": "Here is {title}",
        "zh": "为您显示{title}",
        "ja": "{title}を表示します",
    },
    "voice.home_title": {"ko": "처음", "en": "the home screen", "zh": "首页", "ja": "ホーム"},
    "voice.language": {
        "ko": "한국어로 안내합니다",
        "en": "Switched to English",
        "zh": "已切换为中文",
        "ja": "日本語に切り替えました",
    },
    "voice.private": {
        "ko": "비공개 모드: 얼굴을 확인합니다",
        "en": "Private mode: checking your face",
        "zh": "私密模式：正在验证面部",
        "ja": "非公開モード：顔を確認します",
    },
}


def fallbacks(lang: str) -> tuple[str, ...]:
    """Languages to try for a text: the visitor's, then English (read by more visitors from
    abroad than Korean), then Korean (always present)."""
    return tuple(dict.fromkeys((lang, "en", "ko")))


def pick(texts: Mapping[str, str], lang: str) -> str:
    """The best text of a per-language mapping (titles, notices, statuses) for ``lang``."""
    for candidate in fallbacks(lang):
        if texts.get(candidate):
            return texts[candidate]
    return next(iter(texts.values()), "")


def tr(key: str, lang: str, **values: object) -> str:
    """The text for ``key`` in ``lang``, with ``{placeholders}`` filled."""
    template = pick(TEXT[key], lang)
    return template.format(**values) if values else template


def tr_every(key: str, **values: object) -> dict[str, str]:
    """The text for ``key`` in every interface language (status lines, health problems)."""
    return {lang: tr(key, lang, **values) for lang in LANGUAGES}


def _locale(lang: str) -> str:
    return BABEL_LOCALES.get(lang, BABEL_LOCALES["ko"])


def format_time(epoch: float | None, lang: str, now: float | None = None) -> str:
    """A Seoul-time timestamp, with the date only when it is not today ('5월 18일 15:00')."""
    if epoch is None:
        return "-"
    moment = datetime.fromtimestamp(epoch, KST)
    clock = moment.strftime("%H:%M")
    today = datetime.fromtimestamp(now, KST).date() if now is not None else None
    if today is not None and moment.date() == today:
        return clock
    skeleton = "MMMd" if today is not None and moment.year == today.year else "yMMMd"
    return f"{format_skeleton(skeleton, moment, locale=_locale(lang))} {clock}"


def format_age(seconds: float | None, lang: str) -> str:
    """How long ago, in words ('3분 전', '3 min. ago', '3分钟前', '3 分前')."""
    if seconds is None:
        return "-"
    if seconds < 60:
        return tr("age.just_now", lang)
    return format_timedelta(
        timedelta(seconds=-seconds), add_direction=True, format="short", locale=_locale(lang)
    )


def format_number(value: float, lang: str, digits: int = 0) -> str:
    """A number with the language's grouping and ``digits`` decimals ('12,345.6')."""
    pattern = "#,##0" + ("." + "0" * digits if digits else "")
    return format_decimal(value, format=pattern, locale=_locale(lang))


def format_measure(value: float, unit: str, lang: str, digits: int = 0) -> str:
    """A value with its unit as the language writes it ('1.5km', '1.5 km', '1.5公里');
    ``unit`` is a CLDR unit id such as ``length-kilometer``."""
    pattern = "#,##0" + ("." + "0" * digits if digits else "")
    return format_unit(value, unit, length="short", format=pattern, locale=_locale(lang))


def format_month(day: date, lang: str) -> str:
    """A month as the language writes it, with the year ('2026년 11월', 'Nov 2026')."""
    return format_skeleton("yMMM", day, locale=_locale(lang))


def format_month_short(day: date, lang: str) -> str:
    """A month without the year, for chart axes ('11월', 'Nov', '11月')."""
    return format_skeleton("MMM", day, locale=_locale(lang))
