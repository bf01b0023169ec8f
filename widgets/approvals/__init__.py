"""결재문서 (approvals): documents awaiting the mayor's approval, read in a PDF viewer.

Private: it exists only in the mayor role while private mode is unlocked."""

from kiosk.widget_spec import Visibility, WidgetSpec
from offline_cache.content import CONTENT_DATASET

SPEC = WidgetSpec(
    id="approvals",
    title={"ko": "결재문서", "en": "Approvals", "zh": "审批文件", "ja": "決裁文書"},
    description={
        "ko": "결재를 기다리는 문서와 최근 결재한 문서를 봅니다. 문서를 누르면 오른쪽에 열립니다.",
        "en": "Documents awaiting approval and recently approved. Tap one to open it on the right.",
        "zh": "查看待审批和最近审批的文件。点击文件即可在右侧打开。",
        "ja": "決裁待ちの文書と最近決裁した文書を表示します。文書をタッチすると右側に開きます。",
    },
    voice_aliases={
        "ko": ("결재문서", "결재 문서", "결재"),
        "en": ("approvals", "approval documents"),
    },
    datasets=(CONTENT_DATASET,),  # re-rendered when a bundle brings new content
    visibility=Visibility.PRIVATE,
    tile=True,
    icon="file-text",
    view="widgets.approvals.view:ApprovalsPage",
)
