"""도시프로젝트 (city projects): the city's projects with summary, schedule and progress,
department, documents and images, from the staff content file ``projects.json``."""

from kiosk.widget_spec import WidgetSpec
from offline_cache.content import CONTENT_DATASET

SPEC = WidgetSpec(
    id="projects",
    title={"ko": "도시프로젝트", "en": "City projects", "zh": "城市项目", "ja": "都市プロジェクト"},
    description={
        "ko": "서울시 사업의 내용과 일정, 진행률, 담당 부서와 관련 문서를 봅니다.",
        "en": "The city's projects: what they are, schedule, progress, department and documents.",
        "zh": "查看首尔市项目的内容、日程、进度、负责部门和相关文件。",
        "ja": "ソウル市の事業の内容、日程、進捗、担当部署と関連文書を表示します。",
    },
    voice_aliases={
        "ko": ("도시프로젝트", "도시 프로젝트", "프로젝트", "서울시 사업"),
        "en": ("city projects", "projects"),
    },
    datasets=(CONTENT_DATASET,),  # re-rendered when a bundle brings new content
    tile=True,
    icon="crane",
    view="widgets.projects.view:ProjectsPage",
)
