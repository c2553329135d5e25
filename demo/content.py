"""Demo content for the Ninh Bình women's marketplace (pure data, no Django).

Used by ``load_demo_data`` (see ``demo.loader``). Everything a
shopper sees is Vietnamese with full diacritics (NFC); English appears only in
the ``*_en`` fields. People, cooperatives and figures are fictional but
plausible. The area tree is the Union's own data (``marketplace.areas``),
re-exported here for the loader.

The large tables (product templates, vendors) are written as compact rows
between ``# fmt: off`` / ``# fmt: on`` so that they stay readable and short;
every line still fits in 100 characters. Call ``validate()`` to check
the invariants the loader relies on.
"""

from __future__ import annotations

import unicodedata
from typing import TypedDict

from marketplace.areas import DISTRICTS, PROVINCE, District  # noqa: F401


class ChildCategory(TypedDict):
    name: str
    name_en: str


class Category(TypedDict):
    name: str
    name_en: str
    description: str
    children: tuple[ChildCategory, ...]


class Vendor(TypedDict):
    name: str
    kind: str  # one of VENDOR_KINDS
    district: str
    commune: str
    story: str
    specialties: tuple[str, ...]  # category names, top-level or child


class ProductTemplate(TypedDict):
    title: str
    title_en: str
    description: str
    unit: str
    price: tuple[int, int]  # (min, max) in VND, which has no minor unit


class Story(TypedDict):
    title: str
    intro: str
    body: tuple[str, ...]
    vendor: str  # exact name from VENDORS


class Article(TypedDict):
    title: str
    topic: str  # one of ARTICLE_TOPICS
    intro: str
    body: tuple[str, ...]


VENDOR_KINDS = ("cooperative", "cooperative_group", "household", "individual")
ARTICLE_TOPICS = ("policy", "household_model", "online_safety", "economic_model", "events")

# The province and its area tree are the Union's data (marketplace/areas.py).

# --------------------------------------------------------------------------
# Catalogue categories
# --------------------------------------------------------------------------

CATEGORIES: tuple[Category, ...] = (
    {
        "name": "Đặc sản thực phẩm",
        "name_en": "Food specialties",
        "description": "Những món quà quê như cơm cháy, dê núi, mật ong, miến dong do chị em "
        "hội viên trực tiếp chế biến. Sản phẩm được đóng gói cẩn thận và ghi rõ nguồn gốc.",
        "children": (
            {"name": "Cơm cháy", "name_en": "Crispy rice"},
            {"name": "Dê núi và thịt chế biến", "name_en": "Mountain goat and cured meats"},
            {"name": "Mật ong", "name_en": "Honey"},
            {"name": "Miến và bánh truyền thống", "name_en": "Noodles and traditional cakes"},
        ),
    },
    {
        "name": "Gạo và ngũ cốc",
        "name_en": "Rice and grains",
        "description": "Gạo tẻ, gạo nếp và ngũ cốc từ những cánh đồng Yên Khánh, Yên Mô, "
        "Kim Sơn, Gia Viễn. Nhiều hợp tác xã canh tác an toàn và có truy xuất nguồn gốc.",
        "children": (
            {"name": "Gạo tẻ đặc sản", "name_en": "Specialty rice"},
            {"name": "Gạo nếp", "name_en": "Glutinous rice"},
            {"name": "Ngũ cốc và các loại hạt", "name_en": "Grains, seeds and flours"},
        ),
    },
    {
        "name": "Đồ uống",
        "name_en": "Drinks",
        "description": "Rượu truyền thống, chè Kỳ Phú, trà thảo mộc và đồ uống dinh dưỡng "
        "làm theo cách thủ công của các làng nghề. Đồ uống có cồn chỉ bán cho người đủ 18 tuổi.",
        "children": (
            {"name": "Rượu truyền thống", "name_en": "Traditional rice wine"},
            {"name": "Chè và trà thảo mộc", "name_en": "Tea and herbal tea"},
            {"name": "Đồ uống dinh dưỡng", "name_en": "Nutritious drinks"},
        ),
    },
    {
        "name": "Cói và mây tre đan",
        "name_en": "Sedge and handicrafts",
        "description": "Chiếu cói, túi cói, mây tre đan và đồ mỹ nghệ từ đôi bàn tay khéo léo "
        "của chị em Kim Sơn, Gia Viễn, Hoa Lư. Mỗi sản phẩm làm thủ công nên có thể khác nhau "
        "đôi chút.",
        "children": (
            {"name": "Chiếu cói", "name_en": "Sedge mats"},
            {"name": "Túi và đồ dùng cói", "name_en": "Sedge bags and homeware"},
            {"name": "Mây tre đan", "name_en": "Rattan and bamboo ware"},
            {"name": "Đồ thủ công mỹ nghệ", "name_en": "Fine handicrafts"},
        ),
    },
    {
        "name": "Thêu ren và dệt may",
        "name_en": "Embroidery and textiles",
        "description": "Tranh thêu, khăn thêu ren Văn Lâm, thổ cẩm Mường Nho Quan và áo dài "
        "may đo. Nghề thêu ren Văn Lâm gắn bó với phụ nữ Ninh Hải qua nhiều thế hệ.",
        "children": (
            {"name": "Thêu ren Văn Lâm", "name_en": "Van Lam embroidery and lace"},
            {"name": "Thổ cẩm Mường", "name_en": "Muong brocade"},
            {"name": "Áo dài và may mặc", "name_en": "Ao dai and garments"},
        ),
    },
    {
        "name": "Nông sản tươi",
        "name_en": "Fresh produce",
        "description": "Rau củ, trái cây, thủy sản, trứng và gia cầm thu hoạch trong ngày từ "
        "các tổ hợp tác. Hàng tươi giao trong tỉnh và các tỉnh lân cận.",
        "children": (
            {"name": "Rau củ sạch", "name_en": "Clean vegetables"},
            {"name": "Trái cây", "name_en": "Fruit"},
            {"name": "Thủy sản", "name_en": "Fish and seafood"},
            {"name": "Trứng và gia cầm", "name_en": "Eggs and poultry"},
        ),
    },
)

# --------------------------------------------------------------------------
# Vendors: 18 cooperatives, 10 cooperative groups, 10 households, 2 individuals
# --------------------------------------------------------------------------


def _vendor(
    name: str, kind: str, district: str, commune: str, specialties: tuple[str, ...], story: str
) -> Vendor:
    return Vendor(
        name=name,
        kind=kind,
        district=district,
        commune=commune,
        story=story,
        specialties=specialties,
    )


# fmt: off
VENDORS: tuple[Vendor, ...] = (
    # Kim Sơn
    _vendor("Hợp tác xã Cói Kim Sơn", "cooperative", "Kim Sơn", "Kim Chính",
            ("Chiếu cói", "Túi và đồ dùng cói"),
            "Hơn 60 chị em xã Kim Chính cùng dệt chiếu và đan túi từ cói trồng ven biển Kim Sơn. "
            "Hợp tác xã bao tiêu sản phẩm, giúp nhiều chị lớn tuổi có thu nhập ổn định ngay tại "
            "nhà."),
    _vendor("Hợp tác xã Thủ công mỹ nghệ Quang Thiện", "cooperative", "Kim Sơn", "Quang Thiện",
            ("Túi và đồ dùng cói", "Đồ thủ công mỹ nghệ"),
            "Từ những sợi cói se tay, chị em Quang Thiện làm ra hộp, khay và tranh cói. Chủ "
            "nhiệm hợp tác xã là một hội viên phụ nữ đã gắn bó với nghề cói hơn 25 năm."),
    _vendor("Hợp tác xã Rượu truyền thống Kim Sơn", "cooperative", "Kim Sơn", "Kim Tân",
            ("Rượu truyền thống",),
            "Hợp tác xã giữ cách nấu rượu nếp bằng men thuốc bắc của làng nghề Kim Sơn. Các chị "
            "kiểm soát từng mẻ rượu, đóng chai có tem truy xuất và được Hội hỗ trợ đăng ký nhãn "
            "hiệu."),
    _vendor("Tổ hợp tác Thủy sản Kim Đông", "cooperative_group", "Kim Sơn", "Kim Đông",
            ("Thủy sản",),
            "Tổ hợp tác gồm 15 hộ nuôi ngao, tôm, cua ở vùng bãi bồi ven biển Kim Đông. Nhờ nhóm "
            "Zalo của tổ, chị em nhận đơn hằng ngày và giao hải sản tươi cho khách trong tỉnh."),
    _vendor("Tổ hợp tác Phụ nữ làm cói Lai Thành", "cooperative_group", "Kim Sơn", "Lai Thành",
            ("Chiếu cói", "Túi và đồ dùng cói"),
            "Tổ do Hội Phụ nữ xã Lai Thành vận động thành lập, tập hợp chị em làm cói lúc nông "
            "nhàn. Mỗi tháng tổ giao hàng trăm túi, làn cói cho cửa hàng lưu niệm Tam Cốc."),
    _vendor("Hộ kinh doanh Thu Hà", "household", "Kim Sơn", "Văn Hải",
            ("Thủy sản", "Trứng và gia cầm"),
            "Chị Thu Hà khởi nghiệp từ khoản vay ưu đãi qua Hội Phụ nữ xã, nuôi vịt và thu mua "
            "hải sản ven biển. Chị bán hàng qua trang cá nhân, giao tận nhà ở Phát Diệm."),
    _vendor("Hợp tác xã Nông nghiệp Kim Trung", "cooperative", "Kim Sơn", "Kim Trung",
            ("Gạo tẻ đặc sản", "Gạo nếp"),
            "Hợp tác xã liên kết hơn 100 hộ trồng lúa trên vùng đất lấn biển, phần lớn lao động "
            "là phụ nữ. Gạo được xay xát và đóng túi ngay sau thu hoạch để giữ hương vị."),
    # Nho Quan
    _vendor("Hợp tác xã Chè Kỳ Phú", "cooperative", "Nho Quan", "Kỳ Phú",
            ("Chè và trà thảo mộc",),
            "Những đồi chè xanh ở Kỳ Phú do chính chị em trong xã chăm sóc, hái búp và sao tay. "
            "Hợp tác xã có sản phẩm đạt chứng nhận OCOP và đang bán hàng qua sàn thương mại điện "
            "tử."),
    _vendor("Hợp tác xã Dê núi Nho Quan", "cooperative", "Nho Quan", "Phú Long",
            ("Dê núi và thịt chế biến",),
            "Dê được chăn thả trên núi đá vôi, ăn lá rừng nên thịt săn chắc, ít mỡ. Các chị "
            "trong hợp tác xã tự sơ chế, hút chân không và gửi dê núi đi khắp cả nước."),
    _vendor("Tổ hợp tác Mật ong Cúc Phương", "cooperative_group", "Nho Quan", "Cúc Phương",
            ("Mật ong",),
            "Tổ gồm các chị em người Mường nuôi ong dưới tán rừng vùng đệm Vườn quốc gia Cúc "
            "Phương. Mật được quay thủ công, lọc sạch và đóng chai ngay tại bản."),
    _vendor("Hợp tác xã Thổ cẩm Mường Thạch Bình", "cooperative", "Nho Quan", "Thạch Bình",
            ("Thổ cẩm Mường",),
            "Hợp tác xã giữ nghề dệt thổ cẩm của đồng bào Mường Nho Quan trên khung cửi gỗ. Các "
            "bà, các mẹ truyền nghề cho con gái và nhận đặt túi, khăn theo yêu cầu."),
    _vendor("Hợp tác xã Rượu men lá Quỳnh Lưu", "cooperative", "Nho Quan", "Quỳnh Lưu",
            ("Rượu truyền thống", "Gạo nếp"),
            "Rượu được nấu từ gạo nếp nương với men lá rừng theo bí quyết của người Mường. Hội "
            "Phụ nữ huyện đã giúp hợp tác xã làm hồ sơ an toàn thực phẩm và thiết kế nhãn mới."),
    _vendor("Tổ hợp tác Rau sạch Gia Tường", "cooperative_group", "Nho Quan", "Gia Tường",
            ("Rau củ sạch", "Trái cây"),
            "Mười hai chị em cùng trồng rau theo quy trình VietGAP trên cánh đồng Gia Tường. Tổ "
            "nhận đơn qua Zalo mỗi tối và giao rau cho bếp ăn trường học, các gia đình trong "
            "huyện."),
    _vendor("Hộ kinh doanh Lan Anh", "household", "Nho Quan", "Văn Phương",
            ("Trái cây", "Đồ uống dinh dưỡng"),
            "Chị Lan Anh trồng ổi, bưởi và làm bột sắn dây từ vườn nhà. Sau lớp tập huấn của "
            "Hội, chị tự chụp ảnh sản phẩm và nhận thanh toán bằng mã VietQR."),
    _vendor("Đinh Thị Hoa", "individual", "Nho Quan", "Gia Lâm",
            ("Mây tre đan",),
            "Bà Hoa năm nay gần 70 tuổi, vẫn ngày ngày đan rổ, rá, giỏ tre bên hiên nhà. Con gái "
            "bà là hội viên trẻ, giúp mẹ đưa sản phẩm lên chợ trực tuyến."),
    # Hoa Lư
    _vendor("Hợp tác xã Thêu ren Văn Lâm", "cooperative", "Hoa Lư", "Ninh Hải",
            ("Thêu ren Văn Lâm",),
            "Làng Văn Lâm có nghề thêu từ thời Trần; hợp tác xã nay quy tụ hàng trăm thợ thêu, "
            "phần lớn là phụ nữ. Tranh và khăn thêu tay của các chị được du khách Tam Cốc rất ưa "
            "chuộng."),
    _vendor("Tổ hợp tác Thêu ren Ninh Xuân", "cooperative_group", "Hoa Lư", "Ninh Xuân",
            ("Thêu ren Văn Lâm", "Áo dài và may mặc"),
            "Tổ nhận hàng thêu gia công cho chị em làm tại nhà, nhất là những chị đang nuôi con "
            "nhỏ. Tổ còn may áo dài thêu tay theo số đo của khách."),
    _vendor("Hợp tác xã Cơm cháy Trường Yên", "cooperative", "Hoa Lư", "Trường Yên",
            ("Cơm cháy", "Dê núi và thịt chế biến"),
            "Hợp tác xã ra đời từ bếp cơm cháy của vài gia đình quanh cố đô Hoa Lư. Nay các chị "
            "sản xuất trong xưởng đạt chuẩn, có sản phẩm OCOP và bán kèm sốt dê đúng vị Ninh "
            "Bình."),
    _vendor("Hộ kinh doanh Cơm cháy Bích Ngọc", "household", "Hoa Lư", "Ninh Giang",
            ("Cơm cháy",),
            "Chị Bích Ngọc học nghề làm cơm cháy từ mẹ, rồi mạnh dạn vay vốn qua Hội để mua máy "
            "sấy. Mỗi tối chị livestream giới thiệu sản phẩm, đơn hàng nay đi khắp các tỉnh."),
    _vendor("Hộ kinh doanh Dê núi Thanh Tâm", "household", "Hoa Lư", "Ninh Thắng",
            ("Dê núi và thịt chế biến",),
            "Gia đình chị Thanh Tâm mở quán dê núi gần khu du lịch Tràng An rồi làm thêm các món "
            "chế biến sẵn. Chị là hội viên tích cực trong mô hình phụ nữ khởi nghiệp của xã."),
    _vendor("Hợp tác xã Đá mỹ nghệ Ninh Vân", "cooperative", "Hoa Lư", "Ninh Vân",
            ("Đồ thủ công mỹ nghệ",),
            "Ninh Vân nổi tiếng với nghề chạm khắc đá; nhiều phụ nữ đảm nhận khâu mài, đánh bóng "
            "và hoàn thiện. Hợp tác xã làm tượng nhỏ, lọ hoa, chặn giấy bằng đá xanh làm quà lưu "
            "niệm."),
    _vendor("Tổ hợp tác Nông sản sạch Ninh Mỹ", "cooperative_group", "Hoa Lư", "Ninh Mỹ",
            ("Rau củ sạch", "Trứng và gia cầm"),
            "Tổ nuôi gà thả vườn, trồng rau và bán trứng gà ta cho các gia đình ở thành phố Ninh "
            "Bình. Sổ ghi chép sản xuất của tổ đã chuyển sang ứng dụng trên điện thoại."),
    # Gia Viễn
    _vendor("Hợp tác xã Nông nghiệp Gia Sinh", "cooperative", "Gia Viễn", "Gia Sinh",
            ("Gạo tẻ đặc sản", "Ngũ cốc và các loại hạt"),
            "Hợp tác xã trồng lúa Japonica và lúa thơm trên cánh đồng mẫu lớn dưới chân núi Gia "
            "Sinh. Chị em trong ban quản trị trực tiếp phụ trách đóng gói và bán hàng trực "
            "tuyến."),
    _vendor("Hợp tác xã Miến dong Gia Hòa", "cooperative", "Gia Viễn", "Gia Hòa",
            ("Miến và bánh truyền thống", "Ngũ cốc và các loại hạt"),
            "Hợp tác xã làm miến dong, bánh đa từ củ dong riềng trồng ở vùng đồi Gia Viễn. Sợi "
            "miến được phơi nắng tự nhiên, không dùng chất tẩy trắng."),
    _vendor("Tổ hợp tác Thủy sản Gia Hưng", "cooperative_group", "Gia Viễn", "Gia Hưng",
            ("Thủy sản",),
            "Các hộ trong tổ nuôi cá rô, cá trắm ở vùng chiêm trũng Gia Viễn. Chị em thay nhau "
            "làm sạch cá, đóng khay và giao cho khách đặt hàng qua điện thoại."),
    _vendor("Hộ kinh doanh Phương Thảo", "household", "Gia Viễn", "Gia Lạc",
            ("Cơm cháy", "Dê núi và thịt chế biến"),
            "Chị Phương Thảo bắt đầu bằng một quầy nhỏ bán cơm cháy và chả dê ở chợ huyện. Nhờ "
            "biết bán hàng qua mạng, cơ sở của chị nay tạo việc làm cho năm phụ nữ trong thôn."),
    _vendor("Hợp tác xã Mây tre đan Gia Thanh", "cooperative", "Gia Viễn", "Gia Thanh",
            ("Mây tre đan",),
            "Hợp tác xã tập hợp chị em đan giỏ, khay, đèn trang trí từ mây và tre trồng tại địa "
            "phương. Nhiều sản phẩm được làm theo đơn của các khu nghỉ dưỡng trong tỉnh."),
    _vendor("Hộ kinh doanh Hồng Nhung", "household", "Gia Viễn", "Liên Sơn",
            ("Mật ong", "Trái cây"),
            "Chị Hồng Nhung nuôi ong lấy mật và trồng cây ăn quả trên đồi Liên Sơn. Chị sinh "
            "hoạt trong câu lạc bộ phụ nữ khởi nghiệp và hay chia sẻ kinh nghiệm bán hàng cho "
            "chị em mới."),
    # Yên Khánh
    _vendor("Hợp tác xã Gạo sạch Khánh An", "cooperative", "Yên Khánh", "Khánh An",
            ("Gạo tẻ đặc sản", "Gạo nếp"),
            "Hợp tác xã sản xuất gạo theo chuỗi, từ giống, phân bón đến xay xát, đóng gói. Mỗi "
            "túi gạo có mã QR truy xuất nguồn gốc để người mua yên tâm."),
    _vendor("Hợp tác xã Dịch vụ nông nghiệp Khánh Nhạc", "cooperative", "Yên Khánh", "Khánh Nhạc",
            ("Rau củ sạch", "Gạo nếp"),
            "Bên cạnh dịch vụ làm đất, hợp tác xã phát triển vùng rau an toàn và lúa nếp cái hoa "
            "vàng. Tổ phụ nữ của hợp tác xã đảm nhận việc sơ chế và bán hàng."),
    _vendor("Tổ hợp tác Bánh truyền thống Khánh Thiện", "cooperative_group", "Yên Khánh",
            "Khánh Thiện", ("Miến và bánh truyền thống",),
            "Các chị trong tổ giữ nghề làm bánh đa, bánh gai, bánh chưng theo cách của làng. Dịp "
            "Tết, tổ nhận hàng nghìn đơn đặt bánh qua nhóm Zalo."),
    _vendor("Tổ hợp tác May mặc Khánh Trung", "cooperative_group", "Yên Khánh", "Khánh Trung",
            ("Áo dài và may mặc",),
            "Tổ tạo việc làm cho chị em không phải đi làm xa, nhận may áo dài, đồng phục và đồ "
            "vải gia dụng. Tổ đã may áo dài cho nhiều hội viên dự thi “Duyên dáng áo dài”."),
    _vendor("Hộ kinh doanh Minh Thư", "household", "Yên Khánh", "Khánh Thành",
            ("Đồ uống dinh dưỡng", "Ngũ cốc và các loại hạt"),
            "Chị Minh Thư làm bột sắn dây, bột ngũ cốc và tinh bột nghệ theo cách thủ công của "
            "gia đình. Chị mở gian hàng trên sàn thương mại điện tử sau khóa tập huấn của Hội."),
    _vendor("Hộ kinh doanh Thủy Tiên", "household", "Yên Khánh", "Khánh Hội",
            ("Trứng và gia cầm",),
            "Chị Thủy Tiên nuôi vịt, gà thả vườn ven sông Đáy và cung cấp trứng sạch cho các bếp "
            "ăn trong xã. Chị là một trong những hội viên đầu tiên nhận thanh toán qua mã QR."),
    # Yên Mô
    _vendor("Hợp tác xã Gạo hữu cơ Yên Thành", "cooperative", "Yên Mô", "Yên Thành",
            ("Gạo tẻ đặc sản", "Gạo nếp"),
            "Hợp tác xã chuyển ruộng lúa sang canh tác hữu cơ, không dùng thuốc diệt cỏ. Các chị "
            "xã viên vừa làm đồng, vừa học cách chụp ảnh và đăng bán gạo trên mạng."),
    _vendor("Hợp tác xã Dược liệu Mai Sơn", "cooperative", "Yên Mô", "Mai Sơn",
            ("Chè và trà thảo mộc", "Đồ uống dinh dưỡng"),
            "Hợp tác xã trồng đinh lăng, cà gai leo, nghệ và chế biến thành trà, bột. Phần lớn "
            "thành viên là phụ nữ trung niên, được tập huấn quy trình sấy và đóng gói an toàn."),
    _vendor("Tổ hợp tác Đan lát Khánh Thượng", "cooperative_group", "Yên Mô", "Khánh Thượng",
            ("Mây tre đan", "Túi và đồ dùng cói"),
            "Tổ tận dụng tre, cói của địa phương để đan giỏ, làn và hộp đựng đồ. Chị em làm tại "
            "nhà theo mẫu của tổ, vừa chăm lo gia đình vừa có thêm thu nhập."),
    _vendor("Hộ kinh doanh Thu Trang", "household", "Yên Mô", "Yên Mạc",
            ("Dê núi và thịt chế biến", "Rượu truyền thống"),
            "Gia đình chị Thu Trang làm nem chua Yên Mạc và nấu rượu nếp đã ba đời. Chị đóng gói "
            "nem hút chân không để gửi đi xa và nhận đơn qua Zalo."),
    _vendor("Hộ kinh doanh Thanh Loan", "household", "Yên Mô", "Yên Từ",
            ("Cơm cháy", "Miến và bánh truyền thống"),
            "Chị Thanh Loan làm cơm cháy, miến gà và bánh đa theo đơn đặt hàng. Cơ sở nhỏ của "
            "chị đã được Hội Phụ nữ huyện giới thiệu tại hội chợ sản phẩm đặc sản địa phương."),
    _vendor("Phạm Thị Duyên", "individual", "Yên Mô", "Yên Phong",
            ("Áo dài và may mặc", "Thêu ren Văn Lâm"),
            "Chị Duyên là thợ may lành nghề, chuyên may và thêu áo dài cho phụ nữ trong vùng. "
            "Chị nhận số đo qua điện thoại và gửi áo theo đường bưu điện."),
)
# fmt: on

# --------------------------------------------------------------------------
# Product templates, by child category. Each row is
# (title, title_en, unit, min_price_vnd, max_price_vnd, description).
# The loader combines them with vendors and appends a vendor suffix.
# --------------------------------------------------------------------------

_Row = tuple[str, str, str, int, int, str]


def _templates(*rows: _Row) -> tuple[ProductTemplate, ...]:
    return tuple(
        ProductTemplate(title=title, title_en=title_en, description=text, unit=unit, price=(lo, hi))
        for title, title_en, unit, lo, hi, text in rows
    )


# fmt: off
PRODUCT_TEMPLATES: dict[str, tuple[ProductTemplate, ...]] = {
    "Cơm cháy": _templates(
        ("Cơm cháy chà bông", "Crispy rice with pork floss", "gói 200g", 35_000, 60_000,
         "Cơm cháy giòn rụm phủ chà bông heo và mỡ hành. Món quà vặt đặc sản của Ninh Bình."),
        ("Cơm cháy mỡ hành", "Crispy rice with scallion oil", "gói 200g", 30_000, 50_000,
         "Cơm cháy sấy giòn, rưới mỡ hành phi thơm theo công thức nhà làm. Ngon khi nhâm nhi trà."),
        ("Cơm cháy Ninh Bình đặc sản", "Ninh Binh crispy rice", "hộp 500g", 70_000, 110_000,
         "Cơm cháy nồi gang chiên giòn đều từng miếng. Ăn kèm sốt dê nóng, đúng kiểu Ninh Bình."),
        ("Cơm cháy lắc khô gà", "Crispy rice with shredded chicken", "hũ 300g", 55_000, 85_000,
         "Cơm cháy lắc cùng khô gà lá chanh, vị cay nhẹ. Đóng hũ kín, tiện mang đi làm, đi học."),
        ("Cơm cháy chà bông cay", "Spicy crispy rice with pork floss", "gói 200g", 38_000, 60_000,
         "Phiên bản cay của cơm cháy chà bông, thêm sa tế tự làm. Hợp với người thích vị đậm đà."),
        ("Cơm cháy gạo lứt rong biển", "Brown rice crisps with seaweed", "gói 150g", 40_000, 65_000,
         "Cơm cháy gạo lứt địa phương phủ rong biển và vừng. Ít dầu mỡ, hợp người ăn kiêng."),
        ("Cơm cháy mắm tỏi", "Crispy rice with garlic fish sauce", "gói 200g", 32_000, 52_000,
         "Cơm cháy giòn tan áo nước mắm tỏi ớt sánh mịn. Vị mặn ngọt hài hòa, ăn không ngán."),
        ("Cơm cháy khô chưa chiên", "Dried rice crusts, ready to fry", "túi 1kg", 90_000, 140_000,
         "Cơm cháy phơi khô nguyên miếng để tự chiên ở nhà. Chiên lên phồng giòn như mới làm."),
    ),
    "Dê núi và thịt chế biến": _templates(
        ("Dê núi ướp sả ớt", "Lemongrass-marinated mountain goat", "gói 500g", 180_000, 260_000,
         "Dê núi thái lát, ướp sả ớt sẵn, chỉ cần nướng hoặc xào. Hút chân không, để ngăn đông."),
        ("Thịt dê núi tươi", "Fresh mountain goat meat", "kg", 280_000, 380_000,
         "Dê chăn thả trên núi đá vôi, thịt săn chắc, ít mỡ. Giao trong ngày tại Ninh Bình."),
        ("Dê núi hun khói", "Smoked mountain goat", "gói 500g", 250_000, 350_000,
         "Thịt dê tẩm gia vị, hun khói củi nhãn nhiều giờ. Thái mỏng, ăn kèm lá sung, rau thơm."),
        ("Chả dê núi", "Mountain goat patties", "hộp 500g", 170_000, 240_000,
         "Chả dê giã tay, trộn thính và lá lốt kiểu Hoa Lư. Chiên vàng là có món đãi khách."),
        ("Sốt dê ăn kèm cơm cháy", "Goat sauce for crispy rice", "hũ 300g", 60_000, 95_000,
         "Sốt tim cật dê nấu cà rốt, nấm hương, đóng hũ tiệt trùng. Hâm nóng, rưới lên cơm cháy."),
        ("Nem chua Yên Mạc", "Yen Mac fermented pork rolls", "chục 10 chiếc", 40_000, 70_000,
         "Nem chua làng Yên Mạc gói lá chuối, lót lá đinh lăng. Chua dịu, thính thơm."),
        ("Giò dê núi", "Mountain goat sausage loaf", "khoanh 500g", 190_000, 270_000,
         "Giò dê núi giã mịn, gói lá chuối. Món lạ miệng cho mâm cỗ ngày lễ, ngày Tết."),
        ("Thịt lợn gác bếp Nho Quan", "Nho Quan smoked hanging pork", "gói 500g", 200_000, 300_000,
         "Thịt lợn đen ướp gừng, tỏi, hun gác bếp kiểu người Mường. Thơm mùi khói, dai ngọt."),
    ),
    "Mật ong": _templates(
        ("Mật ong rừng Cúc Phương", "Cuc Phuong forest honey", "chai 500ml", 220_000, 320_000,
         "Mật từ đàn ong nuôi ở vùng đệm Cúc Phương. Màu hổ phách, ngọt thanh, hậu đắng nhẹ."),
        ("Mật ong hoa nhãn", "Longan blossom honey", "chai 1 lít", 180_000, 260_000,
         "Mật thu vào mùa hoa nhãn tháng Ba, thơm dịu. Pha nước ấm uống mỗi sáng."),
        ("Mật ong nguyên sáp", "Honeycomb", "hộp 500g", 250_000, 350_000,
         "Sáp ong nguyên tổ cắt miếng, giữ trọn phấn hoa. Nhai cả sáp để cảm nhận hương rừng."),
        ("Mật ong ngâm chanh đào", "Honey with preserved lime", "hũ 500ml", 120_000, 180_000,
         "Chanh đào thái lát ngâm mật ong nguyên chất. Pha nước ấm uống trong ngày lạnh."),
        ("Mật ong hoa bạch đàn", "Eucalyptus blossom honey", "chai 1 lít", 150_000, 220_000,
         "Mật ong từ rừng bạch đàn vùng đồi Nho Quan, vị đậm. Quay mật thủ công, không pha đường."),
        ("Phấn hoa ong", "Bee pollen", "hũ 200g", 120_000, 180_000,
         "Phấn hoa ong sấy khô ở nhiệt độ thấp. Trộn cùng sữa chua hoặc ngũ cốc cho bữa sáng."),
        ("Mật ong ngâm gừng", "Honey with ginger", "hũ 500ml", 110_000, 170_000,
         "Gừng ta thái sợi ngâm mật ong theo cách của bà. Thức uống quen thuộc mùa đông."),
        ("Hộp quà mật ong đặc sản", "Honey gift box", "hộp 2 chai 250ml", 190_000, 280_000,
         "Mật ong rừng và mật ong hoa nhãn trong hộp kraft. Kèm câu chuyện người nuôi ong."),
    ),
    "Miến và bánh truyền thống": _templates(
        ("Miến dong Gia Viễn", "Gia Vien arrowroot glass noodles", "gói 500g", 45_000, 70_000,
         "Miến dong riềng phơi nắng, không chất tẩy trắng. Sợi dai, nấu không bị nát."),
        ("Miến gạo lứt", "Brown rice noodles", "gói 500g", 40_000, 60_000,
         "Miến gạo lứt đỏ giàu chất xơ, hợp người ăn kiêng. Trụng nước sôi ba phút là dùng được."),
        ("Miến gà khô", "Glass noodle kit with dried chicken", "gói 2 suất", 60_000, 90_000,
         "Miến dong kèm gà xé, nấm hương và nước dùng cô đặc. Bữa sáng nóng hổi trong mười phút."),
        ("Bánh đa vừng", "Sesame rice crackers", "túi 10 chiếc", 30_000, 50_000,
         "Bánh đa tráng tay, rắc vừng đen, phơi giàn tre. Nướng than hay lò vi sóng đều giòn."),
        ("Bánh đa nem", "Rice paper for spring rolls", "túi 500g", 30_000, 45_000,
         "Bánh đa nem mỏng và dai, cuốn nem rán không bị vỡ. Làm từ gạo tẻ mới của địa phương."),
        ("Bánh gai lá gai", "Ramie leaf cakes", "túi 10 chiếc", 60_000, 90_000,
         "Bánh gai nhân đỗ xanh, dừa, mỡ đường, gói lá chuối khô. Hợp làm quà biếu."),
        ("Bánh chưng Tết", "Tet square sticky rice cake", "chiếc 1kg", 70_000, 110_000,
         "Bánh chưng nếp cái hoa vàng, đỗ xanh, thịt ba chỉ. Nhận đặt từ tháng Chạp."),
        ("Bánh gio", "Lye-water rice cakes", "túi 10 chiếc", 40_000, 60_000,
         "Bánh gio làm từ gạo nếp ngâm nước tro, ăn kèm mật mía. Món quen thuộc dịp Tết Đoan ngọ."),
    ),
    "Gạo tẻ đặc sản": _templates(
        ("Gạo Japonica Yên Khánh", "Yen Khanh Japonica rice", "túi 5kg", 120_000, 165_000,
         "Gạo hạt tròn, dẻo, hợp nấu cơm và làm sushi. Trồng theo quy trình an toàn."),
        ("Gạo Bắc thơm số 7", "Bac Thom No. 7 fragrant rice", "túi 5kg", 95_000, 135_000,
         "Giống lúa thơm quen thuộc của đồng bằng Bắc Bộ. Cơm dẻo, thơm, để nguội vẫn mềm."),
        ("Gạo tám thơm", "Tam Thom fragrant rice", "túi 5kg", 110_000, 150_000,
         "Gạo tám hạt nhỏ và dài, mùi thơm nhẹ tự nhiên. Xay xát mới theo từng đơn hàng."),
        ("Gạo hữu cơ Yên Mô", "Yen Mo organic rice", "túi 5kg", 150_000, 210_000,
         "Gạo trồng hữu cơ, không thuốc diệt cỏ. Mỗi túi có mã QR truy xuất nguồn gốc."),
        ("Gạo lứt đỏ", "Red brown rice", "túi 2kg", 60_000, 95_000,
         "Gạo lứt đỏ giữ nguyên lớp cám, giàu chất xơ. Hợp với người ăn kiêng."),
        ("Gạo lứt đen", "Black brown rice", "túi 1kg", 50_000, 75_000,
         "Hạt gạo màu tím đen, bóng đẹp. Nấu cơm, nấu cháo hoặc rang làm trà đều được."),
        ("Gạo đặc sản Kim Sơn", "Kim Son specialty rice", "túi 10kg", 180_000, 260_000,
         "Gạo vùng đất lấn biển Kim Sơn, hạt trong, cơm mềm. Túi lớn cho gia đình đông người."),
    ),
    "Gạo nếp": _templates(
        ("Gạo nếp cái hoa vàng", "Golden-flower glutinous rice", "túi 2kg", 70_000, 110_000,
         "Giống nếp quý hạt tròn đều, đồ xôi dẻo thơm. Dùng gói bánh chưng, nấu rượu."),
        ("Gạo nếp cẩm", "Black glutinous rice", "túi 1kg", 45_000, 70_000,
         "Nếp cẩm màu tím, nấu xôi, làm sữa chua nếp cẩm hoặc nấu rượu. Hạt chắc, thơm đặc trưng."),
        ("Gạo nếp hạt cau", "Hat Cau glutinous rice", "túi 2kg", 65_000, 95_000,
         "Nếp hạt cau trắng đục, đồ xôi dẻo mà không nát. Loại nếp các bà hay chọn để làm bánh."),
        ("Gạo nếp Kim Sơn", "Kim Son glutinous rice", "túi 5kg", 150_000, 220_000,
         "Nếp trồng trên đất phù sa ven biển, nguyên liệu của rượu Kim Sơn. Hạt mẩy, thơm."),
        ("Gạo nếp nương Nho Quan", "Nho Quan upland glutinous rice", "túi 2kg", 80_000, 120_000,
         "Nếp nương vùng Mường Nho Quan, mỗi năm một vụ. Xôi thơm, dẻo, để lâu không cứng."),
        ("Gạo nếp lứt", "Brown glutinous rice", "túi 2kg", 70_000, 100_000,
         "Gạo nếp còn lớp cám, dùng nấu xôi, nấu chè hoặc làm cơm rượu. Vị ngọt bùi."),
        ("Hộp quà gạo nếp Tết", "Tet glutinous rice gift box", "hộp 3kg", 160_000, 230_000,
         "Nếp cái hoa vàng, nếp cẩm và đỗ xanh để gói bánh. Hộp giấy in hoa văn truyền thống."),
    ),
    "Ngũ cốc và các loại hạt": _templates(
        ("Bột ngũ cốc dinh dưỡng", "Mixed grain powder", "túi 500g", 90_000, 140_000,
         "Gạo lứt, đậu đỏ, đậu xanh, vừng, lạc rang chín, xay mịn. Pha nước ấm cho bữa sáng."),
        ("Vừng đen", "Black sesame seeds", "túi 500g", 60_000, 85_000,
         "Vừng đen trồng bãi ven sông, phơi khô, sàng sạch. Làm muối vừng, nấu chè, làm bánh."),
        ("Lạc đỏ", "Red-skin peanuts", "túi 1kg", 50_000, 75_000,
         "Lạc vỏ đỏ hạt nhỏ, bùi và thơm. Hợp nấu xôi, làm muối lạc hoặc ép dầu."),
        ("Đỗ xanh tách vỏ", "Split mung beans", "túi 1kg", 45_000, 65_000,
         "Đỗ xanh địa phương đã tách vỏ, hạt vàng đều. Làm nhân bánh chưng, bánh gai, nấu chè."),
        ("Bột gạo nếp", "Glutinous rice flour", "túi 1kg", 35_000, 50_000,
         "Bột xay từ gạo nếp cái hoa vàng, mịn và dẻo. Dùng làm bánh trôi, bánh chay, bánh dày."),
        ("Cốm nếp rang", "Toasted young rice flakes", "túi 500g", 50_000, 80_000,
         "Cốm làm từ lúa nếp non rang và giã tay. Ăn kèm chuối chín hoặc làm chả cốm."),
        ("Hạt sen khô", "Dried lotus seeds", "túi 500g", 120_000, 180_000,
         "Hạt sen đầm Gia Viễn, tách vỏ, sấy khô. Nấu chè, hầm gà hoặc nấu cháo đều ngon."),
    ),
    "Rượu truyền thống": _templates(
        ("Rượu Kim Sơn truyền thống", "Kim Son rice wine", "chai 1 lít", 90_000, 150_000,
         "Rượu Kim Sơn nấu từ nếp, men thuốc bắc, ủ chum sành. Chỉ bán cho người đủ 18 tuổi."),
        ("Rượu Kim Sơn hộp quà", "Kim Son rice wine gift box", "hộp 2 chai 500ml", 250_000, 380_000,
         "Hai chai rượu Kim Sơn trong hộp cói đan tay. Món quà biếu đậm chất quê hương Ninh Bình."),
        ("Rượu men lá Nho Quan", "Nho Quan leaf-yeast rice wine", "can 2 lít", 120_000, 180_000,
         "Rượu nấu từ gạo nếp nương với men lá rừng theo bí quyết người Mường. Vị ngọt, hậu thơm."),
        ("Rượu nếp cẩm", "Black glutinous rice wine", "chai 1 lít", 90_000, 130_000,
         "Rượu màu tím đỏ tự nhiên, nồng độ nhẹ, vị ngọt. Hợp dùng trong bữa cơm gia đình."),
        ("Rượu nếp cái hoa vàng", "Golden-flower sticky rice wine", "chai 1 lít", 100_000, 150_000,
         "Rượu chưng cất hai lần, hạ thổ ít nhất sáu tháng. Nồng độ khoảng 40 độ."),
        ("Cơm rượu nếp", "Fermented sticky rice", "hộp 500g", 35_000, 55_000,
         "Cơm rượu nếp cái ủ men, ngọt dịu, có chứa cồn nhẹ. Món quen thuộc Tết Đoan ngọ."),
        ("Rượu chuối hột", "Seeded banana rice wine", "chai 500ml", 100_000, 160_000,
         "Chuối hột phơi khô ngâm rượu nếp ít nhất ba tháng. Rượu màu hổ phách, vị chát nhẹ."),
    ),
    "Chè và trà thảo mộc": _templates(
        ("Chè Kỳ Phú búp khô", "Ky Phu dried green tea", "gói 200g", 70_000, 120_000,
         "Chè Kỳ Phú một tôm hai lá, sao tay trên chảo gang. Nước xanh, chát dịu, hậu ngọt."),
        ("Chè Kỳ Phú tươi", "Fresh Ky Phu tea leaves", "bó 1kg", 25_000, 40_000,
         "Lá chè hái buổi sáng, giao trong ngày ở Nho Quan. Hãm nước chè xanh đậm vị quê."),
        ("Trà túi lọc chè Kỳ Phú", "Ky Phu green tea bags", "hộp 25 túi", 45_000, 70_000,
         "Chè Kỳ Phú sấy khô, đóng túi lọc. Tiện dùng ở văn phòng và khi đi du lịch."),
        ("Trà đinh lăng", "Polyscias herbal tea", "hộp 30 túi", 60_000, 90_000,
         "Lá và rễ đinh lăng sấy khô, đóng túi lọc. Thức uống thảo mộc quen thuộc."),
        ("Trà cà gai leo", "Climbing nightshade herbal tea", "túi 500g", 80_000, 120_000,
         "Cà gai leo trồng sạch, thái nhỏ và sấy khô. Đun nước uống hằng ngày thay trà."),
        ("Trà giảo cổ lam", "Jiaogulan herbal tea", "túi 200g", 60_000, 100_000,
         "Giảo cổ lam hái ở vùng đồi Nho Quan, sấy ở nhiệt độ thấp. Vị đắng nhẹ, hậu ngọt."),
        ("Trà hoa cúc", "Chrysanthemum tea", "hũ 100g", 80_000, 130_000,
         "Hoa cúc vàng sấy lạnh giữ màu. Hãm nước sôi cho hương thơm nhẹ, dễ uống."),
        ("Chè vằng", "Chè vằng herbal tea", "túi 500g", 50_000, 80_000,
         "Chè vằng phơi khô, quen thuộc với các bà mẹ sau sinh. Đun nước uống thay chè xanh."),
    ),
    "Đồ uống dinh dưỡng": _templates(
        ("Bột sắn dây nguyên chất", "Pure kudzu starch", "túi 500g", 90_000, 140_000,
         "Sắn dây vườn đồi, lọc tinh bột nhiều lần, phơi nắng. Pha nước mát với đường, chanh."),
        ("Tinh bột nghệ", "Turmeric starch", "hũ 200g", 120_000, 180_000,
         "Tinh bột nghệ tách dầu, làm thủ công từ nghệ địa phương. Pha với mật ong, nước ấm."),
        ("Nước cốt gừng mật ong", "Ginger and honey concentrate", "chai 500ml", 90_000, 140_000,
         "Gừng tươi ép lấy cốt, nấu cùng mật ong. Pha một thìa với nước ấm là có trà gừng."),
        ("Siro chanh leo", "Passion fruit syrup", "chai 500ml", 60_000, 90_000,
         "Chanh leo chín cây nấu cùng đường phèn, không chất bảo quản. Pha với đá cho ngày hè."),
        ("Bột mầm đậu nành", "Soybean sprout powder", "túi 500g", 150_000, 220_000,
         "Mầm đậu nành sấy khô, xay mịn. Pha với sữa hoặc nước ấm, dùng trong ngày."),
        ("Trà gừng hòa tan", "Instant ginger tea", "hộp 20 gói", 45_000, 70_000,
         "Gừng ta sấy khô trộn đường phèn, đóng gói nhỏ. Tiện mang đi làm, đi du lịch."),
        ("Nước ép dứa Nho Quan", "Nho Quan pineapple juice", "chai 1 lít", 45_000, 70_000,
         "Ép từ dứa chín vùng đồi Nho Quan, không pha nước. Bảo quản lạnh, dùng trong ba ngày."),
    ),
    "Chiếu cói": _templates(
        ("Chiếu cói Kim Sơn dệt tay", "Kim Son handwoven mat", "chiếc 1m6 x 2m", 250_000, 380_000,
         "Chiếu dệt tay từ cói ven biển Kim Sơn, sợi đều, mặt mát. Mùa hè nằm êm, thoáng."),
        ("Chiếu cói in hoa", "Printed sedge mat", "chiếc 1m8 x 2m", 280_000, 420_000,
         "Chiếu cói in hoa văn chữ Phúc, chữ Thọ truyền thống. Thường được chọn làm quà cưới."),
        ("Chiếu cói gấp du lịch", "Folding travel sedge mat", "chiếc 1m x 2m", 120_000, 180_000,
         "Chiếu gấp gọn thành tập nhỏ, có quai xách. Tiện mang đi dã ngoại, đi chùa, đi biển."),
        ("Chiếu cói trẻ em", "Children's sedge mat", "chiếc 0,8m x 1,5m", 90_000, 140_000,
         "Chiếu nhỏ viền vải mềm, không nhuộm hóa chất. Cho bé ngủ trưa ở nhà hoặc ở lớp."),
        ("Chiếu cói se sợi đôi", "Double-twisted sedge mat", "chiếc 1m8 x 2m", 380_000, 550_000,
         "Cói se hai sợi, dệt dày, dùng nhiều năm không xơ. Dòng chiếu cao cấp của hợp tác xã."),
        ("Thảm cói tròn", "Round sedge rug", "chiếc đường kính 80cm", 150_000, 250_000,
         "Thảm cói bện tay đặt phòng khách, ban công hoặc góc đọc sách. Mộc mạc, dễ lau chùi."),
        ("Đệm ngồi cói", "Sedge floor cushion", "chiếc 40cm", 80_000, 130_000,
         "Đệm bện cói tròn để ngồi uống trà, ngồi thiền hoặc lót ghế. Nhẹ, thoáng và bền."),
    ),
    "Túi và đồ dùng cói": _templates(
        ("Túi cói đi biển", "Sedge beach bag", "chiếc", 150_000, 280_000,
         "Túi cói quai da, lót vải, đủ rộng cho đồ đi biển. Mỗi chiếc đan tay mất một ngày."),
        ("Túi cói thêu hoa", "Embroidered sedge bag", "chiếc", 180_000, 320_000,
         "Túi cói kết hợp hoa văn thêu tay của chị em Văn Lâm. Sản phẩm chung của hai làng nghề."),
        ("Túi cói mini", "Mini sedge handbag", "chiếc", 90_000, 150_000,
         "Túi nhỏ xinh quai tre, hợp đi chơi, dạo phố. Có nhiều màu cói nhuộm tự nhiên."),
        ("Làn cói đi chợ", "Sedge market basket", "chiếc", 80_000, 130_000,
         "Làn cói quai cứng, đi chợ thay túi ni lông. Đồ quen thuộc của phụ nữ nông thôn."),
        ("Bộ hộp cói đựng đồ", "Sedge storage boxes", "bộ 3 chiếc", 120_000, 200_000,
         "Ba hộp cói có nắp, nhiều cỡ, đựng đồ lặt vặt, mỹ phẩm. Khung bên trong chắc chắn."),
        ("Giỏ cói đựng đồ giặt", "Sedge laundry basket", "chiếc", 150_000, 250_000,
         "Giỏ cói cao có quai, lót vải tháo giặt được. Thoáng khí, hợp đặt trong phòng tắm."),
        ("Mũ cói vành rộng", "Wide-brim sedge hat", "chiếc", 80_000, 150_000,
         "Mũ cói đan tay, vành rộng, có dây buộc. Khách hay chọn khi đi thuyền Tam Cốc."),
        ("Bộ lót ly cói", "Sedge coaster set", "bộ 6 chiếc", 50_000, 90_000,
         "Lót ly bện cói tròn, chịu nhiệt tốt. Đựng trong hộp cói nhỏ, hợp làm quà tặng."),
    ),
    "Mây tre đan": _templates(
        ("Giỏ quà mây tre đan", "Rattan and bamboo gift basket", "chiếc", 80_000, 150_000,
         "Mây tre đan thành giỏ có quai, đựng quà Tết, trái cây. Nhận đan theo kích thước."),
        ("Khay mây tre đan", "Rattan and bamboo tray", "chiếc 35cm", 70_000, 120_000,
         "Khay đan nan mịn, viền mây chắc chắn. Dùng bày bánh kẹo, chén trà khi có khách."),
        ("Đèn mây tre đan", "Rattan and bamboo pendant lamp", "chiếc", 250_000, 450_000,
         "Chao đèn đan từ nan tre mảnh, ánh sáng hắt ra ấm áp. Hợp quán cà phê, homestay."),
        ("Bộ rổ rá tre", "Bamboo baskets and sieves", "bộ 3 chiếc", 40_000, 80_000,
         "Rổ rá tre đan tay, nan mịn, dùng vo gạo, rửa rau. Đồ dùng quen thuộc trong bếp quê."),
        ("Hộp mây đựng đồ", "Rattan storage box", "chiếc", 100_000, 180_000,
         "Hộp mây có nắp, đựng khăn, giấy tờ hoặc đồ may vá. Bền, nhẹ và thoáng khí."),
        ("Bộ đũa tre", "Bamboo chopsticks", "bộ 10 đôi", 25_000, 45_000,
         "Đũa tre già vót tay, luộc kỹ và phơi khô, không sơn phủ. An toàn cho bữa cơm gia đình."),
        ("Lẵng hoa mây", "Rattan flower basket", "chiếc", 90_000, 160_000,
         "Lẵng mây dáng cao để cắm hoa tươi hoặc hoa khô. Trang trí bàn thờ, bàn tiếp khách."),
    ),
    "Đồ thủ công mỹ nghệ": _templates(
        ("Tượng đá Ninh Vân mini", "Mini Ninh Van stone statue", "chiếc cao 15cm", 250_000, 500_000,
         "Tượng nhỏ tạc từ đá xanh Ninh Vân, đánh bóng thủ công. Quà lưu niệm đất cố đô."),
        ("Chặn giấy đá khắc chữ", "Carved stone paperweight", "chiếc", 80_000, 150_000,
         "Chặn giấy bằng đá xanh, khắc chữ thư pháp theo yêu cầu. Món quà ý nghĩa cho thầy cô."),
        ("Lọ hoa đá xanh", "Blue stone vase", "chiếc cao 20cm", 200_000, 380_000,
         "Lọ hoa tiện từ đá xanh nguyên khối, mặt ngoài nhám tự nhiên. Hợp cắm cành dài."),
        ("Tranh cói Kim Sơn", "Kim Son sedge picture", "bức 40x60cm", 200_000, 400_000,
         "Tranh ghép sợi cói nhuộm màu, cảnh làng quê và Tràng An. Có khung gỗ treo tường."),
        ("Đĩa cói trang trí", "Decorative sedge platters", "bộ 3 chiếc", 90_000, 160_000,
         "Đĩa cói cuộn nhiều màu, treo tường hoặc bày quả khô. Điểm nhấn mộc mạc cho nhà."),
        ("Móc khóa cói và thêu", "Sedge and embroidered keyrings", "bộ 5 chiếc", 40_000, 75_000,
         "Móc khóa hình nón lá, con trâu, đóa sen. Quà tặng nhẹ nhàng cho bạn bè."),
        ("Đèn lồng cói", "Sedge lantern", "chiếc", 120_000, 220_000,
         "Đèn lồng khung tre bọc cói đan, ánh sáng dịu. Trang trí sân vườn, homestay."),
    ),
    "Thêu ren Văn Lâm": _templates(
        ("Tranh thêu Tam Cốc", "Embroidered picture of Tam Coc", "bức 40x60cm", 900_000, 1_800_000,
         "Thêu ren Văn Lâm hoàn toàn bằng tay, mỗi bức vài tuần. Cảnh núi, thuyền, lúa chín."),
        ("Khăn trải bàn thêu ren", "Lace tablecloth", "chiếc 1m2 x 1m8", 350_000, 650_000,
         "Thêu trên vải lanh, viền ren móc tay. Họa tiết hoa sen, hoa cúc tinh tế."),
        ("Bộ khăn ăn thêu tay", "Hand-embroidered napkins", "bộ 6 chiếc", 180_000, 300_000,
         "Sáu chiếc khăn ăn cotton thêu hoa nhỏ ở góc. Hợp làm quà tân gia."),
        ("Vỏ gối thêu hoa sen", "Lotus cushion cover", "chiếc 45x45cm", 150_000, 250_000,
         "Vỏ gối vải lanh thêu đóa sen hồng, khóa kéo ẩn. Giặt tay nhẹ nhàng để giữ màu chỉ."),
        ("Khăn tay thêu tên", "Handkerchief embroidered with a name", "chiếc", 40_000, 80_000,
         "Khăn tay cotton thêu tên hoặc lời chúc theo yêu cầu. Hoàn thành trong ba ngày."),
        ("Tranh thêu chữ Phúc", "Embroidered calligraphy picture", "bức 50x70cm", 450_000, 850_000,
         "Chữ Phúc thư pháp thêu chỉ tơ trên lụa. Làm quà mừng thọ, mừng tân gia."),
        ("Túi vải thêu tay", "Hand-embroidered tote bag", "chiếc", 150_000, 280_000,
         "Túi vải bố thêu hoa và chim theo mẫu cổ của làng Văn Lâm. Bền, rộng, dùng hằng ngày."),
        ("Khung thêu để bàn", "Small embroidered desk frame", "chiếc 15x20cm", 180_000, 320_000,
         "Khung nhỏ thêu hoa, chim hoặc chùa Bái Đính. Quà lưu niệm dễ mang theo."),
    ),
    "Thổ cẩm Mường": _templates(
        ("Khăn quàng thổ cẩm", "Brocade scarf", "chiếc", 150_000, 250_000,
         "Khăn dệt tay trên khung cửi gỗ, hoa văn Mường truyền thống. Mềm, ấm, hợp mùa đông."),
        ("Túi đeo thổ cẩm", "Brocade shoulder bag", "chiếc", 120_000, 220_000,
         "Túi đeo chéo may từ vải thổ cẩm, lót vải bên trong. Mỗi chiếc một hoa văn riêng."),
        ("Vải thổ cẩm dệt tay", "Handwoven brocade fabric", "mét", 150_000, 300_000,
         "Vải khổ 40cm dệt bằng sợi bông nhuộm màu. Dùng may túi, áo, khăn trải bàn."),
        ("Ví thổ cẩm", "Brocade wallet", "chiếc", 60_000, 120_000,
         "Ví nhỏ có khóa kéo, đựng tiền và thẻ. Quà tặng đậm bản sắc Mường Nho Quan."),
        ("Khăn trải bàn thổ cẩm", "Brocade table runner", "chiếc 2m", 250_000, 420_000,
         "Khăn chạy bàn dệt hoa văn hình học và sóng nước. Hợp bàn trà, bàn ăn gia đình."),
        ("Cạp váy Mường", "Muong skirt waistband", "chiếc", 400_000, 800_000,
         "Cạp váy dệt hoa văn cổ, công phu nhất trong trang phục Mường. Dệt trong nhiều tuần."),
        ("Gối tựa thổ cẩm", "Brocade cushion", "chiếc 40x40cm", 130_000, 220_000,
         "Gối tựa bọc vải thổ cẩm, ruột bông tháo rời được. Điểm nhấn cho phòng khách, homestay."),
    ),
    "Áo dài và may mặc": _templates(
        ("Áo dài lụa in hoa sen", "Silk ao dai with lotus print", "bộ", 650_000, 1_200_000,
         "Áo dài lụa mềm in hoa sen, kèm quần lụa. May theo số đo gửi qua điện thoại."),
        ("Áo dài thêu tay Văn Lâm", "Van Lam hand-embroidered ao dai", "bộ", 1_200_000, 2_500_000,
         "Tà áo thêu tay hoa sen, hoa đào bởi thợ thêu Văn Lâm. Hoàn thành trong khoảng ba tuần."),
        ("Áo dài cách tân trẻ em", "Modern ao dai for children", "bộ", 250_000, 450_000,
         "Áo dài cách tân vải gấm mềm cho bé 2 đến 10 tuổi. Mặc Tết, đi lễ đều xinh."),
        ("Áo dài đồng phục hội viên", "Union members' uniform ao dai", "bộ", 450_000, 700_000,
         "Áo dài đồng phục cho chi hội phụ nữ, may theo số đo từng người. Nhận đơn theo tập thể."),
        ("Tạp dề vải bố", "Canvas apron", "chiếc", 80_000, 140_000,
         "Tạp dề vải bố dày, có túi trước, thêu tên quán theo yêu cầu. Hợp bếp gia đình, quán ăn."),
        ("Bộ đồ lanh mặc nhà", "Linen loungewear set", "bộ", 280_000, 450_000,
         "Áo và quần vải lanh mềm mát, may kỹ từng đường. Nhiều màu nhẹ nhàng."),
        ("Khẩu trang vải thêu", "Embroidered cloth face masks", "bộ 3 chiếc", 45_000, 80_000,
         "Khẩu trang vải cotton hai lớp, thêu hoa nhỏ. Giặt và dùng lại nhiều lần."),
    ),
    "Rau củ sạch": _templates(
        ("Rau cải ngọt VietGAP", "VietGAP choy sum", "bó 500g", 15_000, 25_000,
         "Cải ngọt trồng theo quy trình VietGAP, hái buổi sáng. Xào tỏi hoặc nấu canh đều ngon."),
        ("Rau muống", "Water spinach", "bó 500g", 12_000, 20_000,
         "Rau muống ruộng non, giòn. Luộc chấm tương hoặc xào tỏi cho bữa cơm quê."),
        ("Cà chua bi", "Cherry tomatoes", "hộp 500g", 30_000, 45_000,
         "Cà chua bi chín đỏ, vị ngọt thanh, trồng trong nhà lưới. Ăn sống hoặc trộn salad."),
        ("Bí đỏ hồ lô", "Gourd-shaped pumpkin", "kg", 20_000, 35_000,
         "Bí đỏ ruột vàng, bở và ngọt. Nấu canh, nấu cháo cho bé đều hợp."),
        ("Khoai lang mật", "Honey sweet potatoes", "kg", 25_000, 40_000,
         "Khoai lang ruột vàng cam, nướng lên chảy mật. Trồng trên đất bãi ven sông."),
        ("Su hào", "Kohlrabi", "kg", 15_000, 25_000,
         "Su hào vụ đông củ tròn, giòn ngọt. Luộc, xào hoặc làm nộm đều ngon."),
        ("Giỏ rau sạch theo tuần", "Weekly clean vegetable box", "giỏ 5kg", 150_000, 220_000,
         "Giỏ rau củ theo mùa gồm 5 đến 7 loại, giao mỗi tuần. Đặt qua Zalo, giao sáng thứ Bảy."),
    ),
    "Trái cây": _templates(
        ("Dứa Nho Quan", "Nho Quan pineapple", "quả 1-1,3kg", 15_000, 28_000,
         "Dứa chín cây vùng đồi Nho Quan, mắt nông, thơm ngọt. Gọt sẵn theo yêu cầu."),
        ("Bưởi diễn", "Dien pomelo", "quả", 35_000, 60_000,
         "Bưởi diễn vỏ mỏng, múi ráo, ngọt thanh. Để càng lâu càng ngọt, hợp bày mâm ngũ quả."),
        ("Ổi lê", "Pear guava", "kg", 25_000, 40_000,
         "Ổi lê giòn, ít hạt, bọc túi từ khi còn nhỏ. Ăn kèm muối ớt là ngon nhất."),
        ("Dưa lưới nhà màng", "Greenhouse cantaloupe", "kg", 50_000, 80_000,
         "Dưa lưới trồng trong nhà màng, tưới nhỏ giọt. Ruột cam, ngọt mát, thơm."),
        ("Chuối tây", "Tay bananas", "nải", 30_000, 50_000,
         "Chuối tây chín tự nhiên, không dùng chất thúc chín. Ăn trực tiếp hoặc làm bánh."),
        ("Nhãn lồng", "Longan", "kg", 35_000, 60_000,
         "Nhãn cùi dày, hạt nhỏ, hái vào cuối tháng Bảy. Giao trong ngày để giữ độ tươi."),
        ("Cam canh", "Canh mandarin", "kg", 35_000, 55_000,
         "Cam canh vỏ mỏng, nhiều nước, vị ngọt đậm. Vào mùa từ tháng Mười đến Tết."),
    ),
    "Thủy sản": _templates(
        ("Cua biển Kim Sơn", "Kim Son mud crab", "kg", 300_000, 450_000,
         "Cua nuôi ở vùng bãi bồi Kim Sơn, chắc thịt, nhiều gạch. Buộc dây, giao còn sống."),
        ("Ngao Kim Sơn", "Kim Son clams", "kg", 35_000, 55_000,
         "Ngao trắng vùng biển Kim Sơn, đã ngâm sạch cát. Hấp sả hoặc nấu canh chua."),
        ("Tôm sú Kim Sơn", "Kim Son tiger prawns", "kg", 250_000, 380_000,
         "Tôm sú nuôi quảng canh, thân chắc, vỏ xanh đậm. Đóng đá giữ lạnh khi giao hàng."),
        ("Cá rô đồng", "Field climbing perch", "kg", 120_000, 180_000,
         "Cá rô vùng chiêm trũng Gia Viễn, thân dày, thịt ngọt. Làm sạch, đóng khay theo yêu cầu."),
        ("Cá trắm cỏ", "Grass carp", "kg", 70_000, 110_000,
         "Cá trắm nuôi ao sạch, thịt chắc, ít tanh. Cắt khúc sẵn để kho riềng hoặc nấu canh."),
        ("Tép khô", "Dried river shrimp", "túi 200g", 80_000, 130_000,
         "Tép đồng phơi nắng, giữ vị ngọt tự nhiên. Rang thịt ba chỉ, nấu canh rau cải."),
        ("Chả cá trắm", "Grass carp fish cakes", "hộp 500g", 120_000, 170_000,
         "Chả cá trắm quết tay với thì là, hành lá. Rán vàng ăn kèm cơm nóng."),
    ),
    "Trứng và gia cầm": _templates(
        ("Trứng gà ta", "Free-range chicken eggs", "chục 10 quả", 35_000, 50_000,
         "Trứng gà nuôi thả vườn, lòng đỏ đậm màu. Nhặt trong ngày, giao trong tỉnh."),
        ("Trứng vịt", "Duck eggs", "chục 10 quả", 30_000, 45_000,
         "Trứng vịt chạy đồng, vỏ xanh nhạt. Luộc, rán hoặc làm bánh đều ngon."),
        ("Gà đồi thả vườn", "Free-range hill chicken", "kg", 120_000, 160_000,
         "Gà nuôi thả trên đồi, ăn thóc và rau, thịt chắc ngọt. Làm sạch sẵn trước khi giao."),
        ("Vịt bầu", "Bau duck", "kg", 70_000, 100_000,
         "Vịt bầu nuôi ven sông, da mỏng, thịt thơm. Luộc chấm gừng hoặc nấu măng đều hợp."),
        ("Trứng vịt muối", "Salted duck eggs", "hộp 6 quả", 40_000, 60_000,
         "Trứng vịt muối tro theo cách truyền thống, lòng đỏ đỏ son. Dùng nấu cháo, làm bánh."),
        ("Chim bồ câu", "Squab", "đôi", 120_000, 180_000,
         "Chim bồ câu non nuôi trong chuồng sạch. Hầm hạt sen, ngải cứu cho người mới ốm dậy."),
        ("Trứng gà ác", "Silkie chicken eggs", "chục 10 quả", 45_000, 70_000,
         "Trứng gà ác nhỏ, vỏ màu kem. Nhiều gia đình dùng hấp ngải cứu bồi bổ."),
    ),
}
# fmt: on

# --------------------------------------------------------------------------
# Wagtail content
# --------------------------------------------------------------------------

STORY_SERIES = {
    "title": "Phụ nữ trên hành trình chuyển đổi số",
    "title_en": "Women on the digital transformation journey",
}

NEWS_SECTION = {"title": "Tin tức Hội", "title_en": "Union news"}

STORIES: tuple[Story, ...] = (
    {
        "title": "Chị Ngọc và những buổi livestream cơm cháy lúc chín giờ tối",
        "intro": "Từ một bếp cơm cháy nhỏ ở xã Ninh Giang, chị Nguyễn Thị Bích Ngọc đã học cách "
        "bán hàng trực tiếp trên mạng xã hội.",
        "body": (
            "Trước đây, cơm cháy của gia đình chị Ngọc chủ yếu bán cho vài quán ăn quanh khu du "
            "lịch. Mùa dịch, khách vắng, hàng làm ra không có người mua, có lúc chị đã định "
            "bỏ nghề.",
            "Tham gia lớp tập huấn “Phụ nữ trên hành trình chuyển đổi số” của Hội Phụ nữ huyện, "
            "chị được hướng dẫn cách dựng điện thoại, chọn ánh sáng và trò chuyện với khách khi "
            "livestream. Buổi phát trực tiếp đầu tiên chỉ có mười mấy người xem, nhưng chị vẫn "
            "kiên trì mỗi tối.",
            "Đến nay, mỗi buổi livestream lúc chín giờ tối có vài trăm lượt xem, đơn hàng về từ "
            "Hà Nội, Thành phố Hồ Chí Minh. Chị còn kèm cặp ba chị em trong thôn cùng làm, "
            "cùng bán.",
        ),
        "vendor": "Hộ kinh doanh Cơm cháy Bích Ngọc",
    },
    {
        "title": "Đưa chè Kỳ Phú lên sàn thương mại điện tử",
        "intro": "Chị Đinh Thị Mai, Giám đốc Hợp tác xã Chè Kỳ Phú, kể về gian hàng trực tuyến "
        "đầu tiên của hợp tác xã.",
        "body": (
            "Chè Kỳ Phú vốn được nhiều người biết đến, nhưng trước kia chủ yếu bán cho thương "
            "lái với giá thấp. Chị Mai hiểu rằng muốn bán được giá, sản phẩm phải có bao bì, "
            "nhãn mác và đến thẳng tay người dùng.",
            "Được Hội Phụ nữ tỉnh hỗ trợ, hợp tác xã chụp lại ảnh sản phẩm, viết câu chuyện về "
            "những đồi chè và mở gian hàng trên sàn thương mại điện tử. Các chị em trẻ thay nhau "
            "trả lời tin nhắn, đóng gói và in phiếu giao hàng.",
            "Sau một năm, bán lẻ trực tuyến đã chiếm gần một phần ba doanh thu của hợp tác xã. "
            "Quan trọng hơn, các chị tự tin giới thiệu sản phẩm quê mình với khách hàng khắp "
            "cả nước.",
        ),
        "vendor": "Hợp tác xã Chè Kỳ Phú",
    },
    {
        "title": "Mã QR bên sạp bưởi của chị Lan Anh",
        "intro": "Một tấm mã QR nhỏ đã thay đổi cách chị Lan Anh ở xã Văn Phương bán hàng mỗi "
        "phiên chợ.",
        "body": (
            "Chị Lan Anh trồng ổi, bưởi và làm bột sắn dây, thường mang hàng ra chợ phiên và bán "
            "cho khách du lịch qua đường. Nhiều khách muốn mua nhưng không mang tiền mặt, chị "
            "đành lỡ đơn.",
            "Tại buổi sinh hoạt chi hội, chị được cán bộ Hội hướng dẫn in mã VietQR và kiểm tra "
            "tiền đã về tài khoản trước khi giao hàng. Chị cũng được nhắc kỹ không bao giờ cung "
            "cấp mã OTP cho bất kỳ ai.",
            "Giờ đây, khách chỉ cần quét mã là thanh toán xong, còn chị ghi chép thu chi ngay "
            "trên điện thoại. Chị Lan Anh trở thành “tuyên truyền viên” nhiệt tình, giúp nhiều "
            "bà con trong thôn cùng làm theo.",
        ),
        "vendor": "Hộ kinh doanh Lan Anh",
    },
    {
        "title": "Chiếu cói Kim Sơn đi xa nhờ nhóm Zalo",
        "intro": "Chị Vũ Thị Hường dùng nhóm Zalo để kết nối hơn 60 thợ cói với khách đặt hàng "
        "ở nhiều tỉnh thành.",
        "body": (
            "Nghề cói ở Kim Sơn có từ lâu đời, nhưng thợ làm rải rác ở từng nhà nên rất khó "
            "nhận những đơn hàng lớn. Mỗi lần có khách đặt, chị Hường phải đi từng xóm hỏi ai "
            "nhận làm.",
            "Chị lập nhóm Zalo cho thợ của hợp tác xã, đăng mẫu mã, số lượng và hạn giao ngay "
            "khi có đơn. Chị em nhận phần việc phù hợp, chụp ảnh sản phẩm hoàn thiện gửi lên "
            "nhóm để kiểm tra chất lượng.",
            "Nhờ cách làm này, hợp tác xã đã nhận đơn túi cói cho các cửa hàng lưu niệm ở Hà "
            "Nội, Hội An. Chị Hường đang cùng Hội Phụ nữ huyện hướng dẫn các tổ hợp tác khác "
            "áp dụng.",
        ),
        "vendor": "Hợp tác xã Cói Kim Sơn",
    },
    {
        "title": "Tem truy xuất nguồn gốc trên túi gạo Khánh An",
        "intro": "Chị Trần Thị Thu và các xã viên đã đưa mã QR truy xuất nguồn gốc lên từng túi "
        "gạo của hợp tác xã.",
        "body": (
            "Người mua ngày càng quan tâm gạo được trồng ở đâu, bón phân gì, thu hoạch khi nào. "
            "Chị Thu, Phó Giám đốc hợp tác xã, nhận ra đó là cơ hội để gạo Khánh An tạo được "
            "niềm tin.",
            "Chị cùng chị em học cách ghi nhật ký đồng ruộng trên điện thoại, cập nhật lịch gieo "
            "cấy, bón phân và thu hoạch. Mỗi lô gạo khi đóng túi được gắn một mã QR, khách quét "
            "là thấy toàn bộ thông tin.",
            "Từ khi có tem truy xuất, gạo của hợp tác xã được nhiều bếp ăn trường học và cửa "
            "hàng thực phẩm tin dùng. Chị Thu nói: “Chuyển đổi số không xa lạ, chỉ cần chị em "
            "dám bắt đầu từ chiếc điện thoại của mình.”",
        ),
        "vendor": "Hợp tác xã Gạo sạch Khánh An",
    },
)

ARTICLES: tuple[Article, ...] = (
    {
        "title": "Ứng dụng công nghệ thông tin – khâu đột phá của Đại hội Phụ nữ tỉnh lần thứ XIII",
        "topic": "policy",
        "intro": "Nhiệm kỳ 2021–2026, Hội Liên hiệp Phụ nữ tỉnh Ninh Bình xác định ứng dụng "
        "công nghệ thông tin trong công tác Hội là một khâu đột phá.",
        "body": (
            "Nghị quyết Đại hội đại biểu Phụ nữ tỉnh Ninh Bình lần thứ XIII, nhiệm kỳ 2021–2026 "
            "đặt mục tiêu đổi mới phương thức hoạt động của Hội, trong đó ứng dụng công nghệ "
            "thông tin là khâu đột phá. Hằng năm, cán bộ Hội các cấp đều được tập huấn kỹ năng "
            "sử dụng phần mềm và mạng xã hội.",
            "Hội các cấp đã dùng phần mềm quản lý cán bộ, hội viên và văn bản điều hành, tổ chức "
            "họp trực tuyến qua Zoom, Zalo. Trang thông tin điện tử của Hội đạt khoảng 16 triệu "
            "lượt truy cập; fanpage có hàng nghìn bài viết, nhiều buổi phát trực tiếp thu hút "
            "đông đảo hội viên theo dõi.",
            "Thời gian tới, Hội tiếp tục hỗ trợ hội viên, hợp tác xã, tổ hợp tác do phụ nữ làm "
            "chủ quảng bá và bán sản phẩm trên môi trường số. Chợ phiên phụ nữ Ninh Bình là một "
            "bước cụ thể hóa chủ trương này.",
        ),
    },
    {
        "title": "Nhân rộng mô hình gia đình “5 không 3 sạch”",
        "topic": "household_model",
        "intro": "Mô hình “5 không 3 sạch” và “5 có 3 sạch” tiếp tục lan tỏa tới từng chi hội "
        "phụ nữ ở 6 huyện.",
        "body": (
            "“5 không” là không đói nghèo; không vi phạm pháp luật và tệ nạn xã hội; không có "
            "bạo lực gia đình; không sinh con thứ ba trở lên; không có trẻ suy dinh dưỡng và bỏ "
            "học. “3 sạch” là sạch nhà, sạch bếp, sạch ngõ.",
            "Các chi hội thường xuyên tổ chức ngày “Chủ nhật xanh”, hướng dẫn hội viên phân loại "
            "rác thải tại nguồn, trồng hoa ven đường, sắp xếp bếp gọn gàng. Nhiều gia đình hội "
            "viên đã gắn mô hình với phát triển kinh tế vườn hộ.",
            "Hội Phụ nữ tỉnh khuyến khích các chi hội chia sẻ hình ảnh gia đình tiêu biểu trên "
            "fanpage và nhóm Zalo, lan tỏa tinh thần “lấy cái đẹp dẹp cái xấu”. Mỗi gia đình "
            "sạch, đẹp, no ấm là nền tảng để phụ nữ yên tâm làm kinh tế.",
        ),
    },
    {
        "title": "An toàn cho phụ nữ và trẻ em trên không gian mạng",
        "topic": "online_safety",
        "intro": "Hội Phụ nữ tỉnh khuyến cáo hội viên những kỹ năng cần thiết để bảo vệ bản "
        "thân, con em và việc kinh doanh khi lên mạng.",
        "body": (
            "Mô hình “An toàn cho phụ nữ và trẻ em trên không gian mạng” giúp chị em nhận diện "
            "lừa đảo, tin giả và nội dung độc hại. Thủ đoạn thường gặp là giả danh cơ quan chức "
            "năng, gửi đường link lạ, đề nghị chuyển tiền đặt cọc hoặc đọc mã OTP.",
            "Khi bán hàng trực tuyến, chị em chỉ giao hàng khi đã thấy tiền vào tài khoản trên "
            "ứng dụng ngân hàng, không tin ảnh chụp màn hình chuyển khoản. Tuyệt đối không chia "
            "sẻ mật khẩu, mã OTP và không cài ứng dụng theo hướng dẫn của người lạ.",
            "Với trẻ em, cha mẹ nên thống nhất thời gian dùng thiết bị hợp lý và trò chuyện với "
            "con về những người con gặp trên mạng. Khi thấy dấu hiệu bất thường, hãy báo ngay "
            "cho chi hội phụ nữ hoặc công an nơi gần nhất.",
        ),
    },
    {
        "title": "Hội nghị kết nối sản xuất, tiêu thụ sản phẩm đặc sản địa phương",
        "topic": "economic_model",
        "intro": "Hội nghị quy tụ các hợp tác xã, tổ hợp tác, hộ kinh doanh do phụ nữ làm chủ "
        "cùng các đơn vị phân phối trong và ngoài tỉnh.",
        "body": (
            "Tại hội nghị, hơn 40 đơn vị đã trưng bày cơm cháy, dê núi, chè Kỳ Phú, chiếu cói "
            "Kim Sơn, thêu ren Văn Lâm và nhiều sản phẩm OCOP. Đại biểu trao đổi về yêu cầu của "
            "thị trường đối với bao bì, nhãn mác và truy xuất nguồn gốc.",
            "Nhiều biên bản ghi nhớ đã được ký giữa hợp tác xã với cửa hàng, siêu thị và đơn vị "
            "lữ hành. Các chuyên gia hướng dẫn chị em ứng dụng công nghệ số trong sản xuất, quản "
            "lý đơn hàng và chăm sóc khách hàng.",
            "Hội Phụ nữ tỉnh sẽ tiếp tục đồng hành với các mô hình kinh tế của phụ nữ: kết nối "
            "nguồn vốn vay, tư vấn thủ tục và giới thiệu sản phẩm trên Chợ phiên phụ nữ "
            "Ninh Bình.",
        ),
    },
    {
        "title": "Cuộc thi “Duyên dáng áo dài” thu hút hàng nghìn lượt bình chọn",
        "topic": "events",
        "intro": "Cuộc thi trực tuyến “Duyên dáng áo dài” đã lan tỏa vẻ đẹp của phụ nữ Ninh "
        "Bình trong tà áo truyền thống.",
        "body": (
            "Cuộc thi nhận hàng trăm ảnh và video dự thi của hội viên ở các huyện, thành phố. "
            "Nhiều bức ảnh được chụp bên danh thắng Tràng An, Tam Cốc, cố đô Hoa Lư, trên cánh "
            "đồng lúa hay bên khung dệt chiếu.",
            "Bài dự thi được đăng trên fanpage của Hội, thu hút hàng nghìn lượt bình chọn, bình "
            "luận và chia sẻ. Kết quả dựa trên lượt tương tác và đánh giá của ban giám khảo.",
            "Qua cuộc thi, Hội mong khơi dậy niềm tự hào về áo dài Việt Nam, khuyến khích chị em "
            "mặc áo dài trong các dịp lễ, hội và sinh hoạt chi hội. Đây cũng là dịp để các tổ "
            "may của hội viên giới thiệu sản phẩm.",
        ),
    },
    {
        "title": "Tập huấn bán hàng qua thương mại điện tử cho hội viên phụ nữ",
        "topic": "economic_model",
        "intro": "Hơn 200 hội viên là chủ hợp tác xã, tổ hợp tác và phụ nữ khởi nghiệp đã tham "
        "gia lớp tập huấn kỹ năng bán hàng trên môi trường số.",
        "body": (
            "Lớp tập huấn nằm trong chuỗi hoạt động “Phụ nữ trên hành trình chuyển đổi số”. Học "
            "viên được hướng dẫn chụp ảnh sản phẩm bằng điện thoại, viết mô tả hấp dẫn, định "
            "giá và tính phí vận chuyển.",
            "Chuyên gia giới thiệu cách mở gian hàng trên sàn thương mại điện tử, bán hàng qua "
            "livestream, nhận tiền khi giao hàng hoặc chuyển khoản bằng mã VietQR. Học viên "
            "cũng được lưu ý quy định ghi nhãn hàng hóa và an toàn thực phẩm.",
            "Sau tập huấn, nhiều chị em đã đưa sản phẩm lên Chợ phiên phụ nữ Ninh Bình và các "
            "nền tảng khác. Hội Phụ nữ các cấp sẽ tiếp tục kèm cặp để chị em bán hàng hiệu quả "
            "và an toàn.",
        ),
    },
)

# More stories and news for the CMS pages (issue 6): ten stories, twenty articles in all.
STORIES += (
    {
        "title": "Khăn thêu Văn Lâm có mặt trên Facebook của chị Hằng",
        "intro": "Chị Phạm Thị Hằng, thợ thêu Hợp tác xã Thêu ren Văn Lâm, chụp ảnh từng mũi "
        "thêu để giới thiệu với khách ở xa.",
        "body": (
            "Thêu ren Văn Lâm cần con mắt tinh mới thấy hết cái đẹp. Trước đây khách chỉ mua khi "
            "đến tận làng nghề, cầm tấm khăn trên tay.",
            "Chị Hằng được Hội Phụ nữ xã hướng dẫn chụp ảnh cận cảnh bằng điện thoại, viết vài "
            "dòng kể về thời gian làm mỗi sản phẩm và đăng lên trang của hợp tác xã.",
            "Những tấm khăn, bộ khăn trải bàn giờ được đặt từ nhiều tỉnh. Chị Hằng nói điều vui "
            "nhất là khách hiểu và quý công sức của người thợ thêu.",
        ),
        "vendor": "Hợp tác xã Thêu ren Văn Lâm",
    },
    {
        "title": "Mật ong Cúc Phương và cuốn sổ bán hàng trên điện thoại",
        "intro": "Tổ hợp tác Mật ong Cúc Phương bỏ cuốn sổ giấy, ghi đơn hàng và công nợ ngay "
        "trên điện thoại.",
        "body": (
            "Chị Bùi Thị Nguyệt, tổ trưởng tổ hợp tác, từng mất cả buổi tối để cộng sổ, đối chiếu "
            "ai đã trả tiền, ai còn nợ.",
            "Sau lớp tập huấn chuyển đổi số của Hội, chị dùng bảng tính trên điện thoại để ghi "
            "đơn, số lượng và tiền chuyển khoản. Các thành viên cùng xem được sổ chung.",
            "Việc giao hàng nhanh hơn, ít nhầm lẫn hơn. Tổ hợp tác còn biết được tháng nào bán "
            "chạy để chuẩn bị hàng cho mùa hoa.",
        ),
        "vendor": "Tổ hợp tác Mật ong Cúc Phương",
    },
    {
        "title": "Thổ cẩm Mường Thạch Bình kể chuyện qua video ngắn",
        "intro": "Các chị em dân tộc Mường ở Thạch Bình quay video ngắn về khung cửi và hoa văn "
        "thổ cẩm.",
        "body": (
            "Mỗi tấm thổ cẩm mang một câu chuyện về bản Mường. Chị Đinh Thị Nhung muốn khách hàng "
            "biết điều đó trước khi mua.",
            "Chị và các chị em trẻ học cách quay video dưới một phút, có phụ đề tiếng Việt, giới "
            "thiệu từng công đoạn nhuộm sợi và dệt vải.",
            "Video được chia sẻ rộng rãi, nhiều đoàn khách du lịch tìm về bản để xem dệt vải và "
            "mua sản phẩm tận nơi.",
        ),
        "vendor": "Hợp tác xã Thổ cẩm Mường Thạch Bình",
    },
    {
        "title": "Miến dong Gia Hòa có mã QR trên từng gói",
        "intro": "Hợp tác xã Miến dong Gia Hòa gắn mã QR để khách biết miến được làm từ củ dong "
        "trồng ở đâu.",
        "body": (
            "Miến dong ngon nhưng trên thị trường có nhiều hàng pha trộn. Chị Nguyễn Thị Tâm, Giám "
            "đốc hợp tác xã, muốn khách yên tâm khi mua.",
            "Hợp tác xã ghi lại vùng trồng, ngày sản xuất, ngày đóng gói và in mã QR trên từng gói. "
            "Khách quét mã là thấy ảnh ruộng dong và xưởng phơi miến.",
            "Nhờ minh bạch nguồn gốc, miến Gia Hòa được nhiều cửa hàng thực phẩm sạch nhận bán "
            "và đạt chứng nhận OCOP.",
        ),
        "vendor": "Hợp tác xã Miến dong Gia Hòa",
    },
    {
        "title": "Chị Duyên may áo dài và nhận đơn qua Zalo",
        "intro": "Chị Phạm Thị Duyên ở xã Yên Phong nhận số đo, gửi mẫu vải và báo tiến độ may áo "
        "dài qua Zalo.",
        "body": (
            "Tiệm may nhỏ của chị Duyên trước chỉ phục vụ khách trong xã. Nhiều người con xa quê "
            "muốn đặt áo dài cho mẹ nhưng không về được.",
            "Chị lập tài khoản Zalo cho tiệm, gửi ảnh mẫu vải, hướng dẫn khách tự đo và gửi lại "
            "số đo. Khi áo xong, chị quay video để khách xem trước khi giao.",
            "Mùa Tết vừa qua, chị nhận hơn một trăm đơn áo dài từ khách ở xa. Chị còn dạy nghề "
            "cho hai chị em trong thôn.",
        ),
        "vendor": "Phạm Thị Duyên",
    },
)

ARTICLES += (
    {
        "title": "Luật Bình đẳng giới: những điều chị em cần biết",
        "topic": "policy",
        "intro": "Tóm tắt những quy định cơ bản của Luật Bình đẳng giới trong gia đình, lao "
        "động và đời sống xã hội.",
        "body": (
            "Luật Bình đẳng giới quy định nam và nữ bình đẳng trong mọi lĩnh vực của đời sống xã "
            "hội và gia đình.",
            "Trong gia đình, vợ chồng bình đẳng trong việc sở hữu tài sản chung, quyết định các "
            "việc lớn và chăm sóc con cái.",
            "Hội Phụ nữ các cấp sẵn sàng tư vấn khi chị em gặp khó khăn trong việc bảo vệ quyền "
            "lợi chính đáng của mình.",
        ),
    },
    {
        "title": "Phòng, chống bạo lực gia đình: địa chỉ tin cậy ở cơ sở",
        "topic": "policy",
        "intro": "Các địa chỉ tin cậy ở thôn, xóm giúp phụ nữ và trẻ em bị bạo lực được bảo vệ "
        "kịp thời.",
        "body": (
            "Luật Phòng, chống bạo lực gia đình năm 2022 đề cao việc phòng ngừa và hỗ trợ người "
            "bị bạo lực.",
            "Nhiều thôn, xóm ở Ninh Bình đã có địa chỉ tin cậy do chi hội phụ nữ phối hợp với "
            "trưởng thôn và công an xã duy trì.",
            "Khi cần giúp đỡ, chị em có thể liên hệ chi hội trưởng hoặc gọi đường dây nóng 111 "
            "bảo vệ trẻ em.",
        ),
    },
    {
        "title": "Chính sách hỗ trợ phụ nữ khởi nghiệp giai đoạn mới",
        "topic": "policy",
        "intro": "Đề án hỗ trợ phụ nữ khởi nghiệp tiếp tục giúp chị em tiếp cận vốn, kiến thức "
        "và thị trường.",
        "body": (
            "Đề án hỗ trợ phụ nữ khởi nghiệp giúp hàng nghìn chị em được tập huấn và tiếp cận vốn "
            "vay ưu đãi.",
            "Hội Phụ nữ tỉnh phối hợp với Ngân hàng Chính sách xã hội để chị em vay vốn phát "
            "triển sản xuất, kinh doanh.",
            "Các ý tưởng khởi nghiệp tốt được giới thiệu tham gia cuộc thi và kết nối với doanh "
            "nghiệp bao tiêu sản phẩm.",
        ),
    },
    {
        "title": "Mô hình “5 không, 3 sạch” ở thôn Đông Hội",
        "topic": "household_model",
        "intro": "Chi hội phụ nữ thôn Đông Hội duy trì đều đặn việc chấm điểm gia đình “5 không, "
        "3 sạch”.",
        "body": (
            "“5 không” là không đói nghèo, không vi phạm pháp luật, không bạo lực gia đình, "
            "không sinh con thứ ba trở lên, không có trẻ suy dinh dưỡng và bỏ học.",
            "“3 sạch” là sạch nhà, sạch bếp, sạch ngõ. Mỗi tháng chi hội đi từng nhà nhắc nhở, "
            "động viên.",
            "Đến nay hơn chín mươi phần trăm hộ trong thôn đạt tiêu chí, đường làng sạch đẹp "
            "hơn hẳn.",
        ),
    },
    {
        "title": "Bếp sạch, nhà sạch từ những việc nhỏ",
        "topic": "household_model",
        "intro": "Những mẹo đơn giản giúp mỗi gia đình giữ bếp và nhà cửa sạch sẽ, an toàn.",
        "body": (
            "Giữ bếp sạch bắt đầu từ việc để thực phẩm sống và chín riêng, rửa tay trước khi nấu "
            "ăn.",
            "Phân loại rác tại nhà, ủ rác hữu cơ làm phân bón cho vườn rau là cách nhiều hội "
            "viên đang làm.",
            "Chi hội có thể tổ chức thi “bếp sạch” để chị em học hỏi lẫn nhau.",
        ),
    },
    {
        "title": "Ngõ sạch, đường hoa: chị em Yên Mô chung tay",
        "topic": "household_model",
        "intro": "Hội viên phụ nữ huyện Yên Mô trồng hàng nghìn mét đường hoa trong năm.",
        "body": (
            "Mỗi chi hội nhận chăm sóc một đoạn đường, trồng hoa và dọn vệ sinh định kỳ.",
            "Cách làm này góp phần thực hiện tiêu chí “sạch ngõ” và xây dựng nông thôn mới.",
            "Nhiều con đường hoa trở thành nơi chụp ảnh của người dân và du khách.",
        ),
    },
    {
        "title": "Nhận biết lừa đảo qua mạng: năm dấu hiệu cần cảnh giác",
        "topic": "online_safety",
        "intro": "Kẻ gian thường giả danh cơ quan nhà nước, ngân hàng hoặc người quen để chiếm "
        "đoạt tiền.",
        "body": (
            "Hãy cảnh giác khi có người yêu cầu cung cấp mã OTP, mật khẩu hoặc chuyển tiền gấp.",
            "Không bấm vào đường link lạ, không cài ứng dụng theo hướng dẫn của người không quen "
            "biết.",
            "Khi nghi ngờ, hãy gọi lại cho người thân bằng số điện thoại quen thuộc và báo cho "
            "công an xã.",
        ),
    },
    {
        "title": "Bảo vệ trẻ em khi dùng mạng xã hội",
        "topic": "online_safety",
        "intro": "Cha mẹ cần đồng hành cùng con khi con dùng điện thoại và mạng xã hội.",
        "body": (
            "Hãy đặt giờ dùng điện thoại hợp lý và để máy ở nơi cả nhà cùng thấy.",
            "Dạy con không chia sẻ ảnh riêng tư, địa chỉ nhà, trường học với người lạ trên mạng.",
            "Khi con gặp chuyện không vui trên mạng, hãy lắng nghe và liên hệ tổng đài 111 nếu "
            "cần hỗ trợ.",
        ),
    },
    {
        "title": "Bán hàng trực tuyến an toàn: giữ tài khoản, giữ uy tín",
        "topic": "online_safety",
        "intro": "Những lưu ý giúp chị em bán hàng trên mạng tránh mất tài khoản và bị lừa.",
        "body": (
            "Bật xác thực hai lớp cho tài khoản Facebook, Zalo và tài khoản ngân hàng.",
            "Chỉ giao hàng khi đã kiểm tra tiền về tài khoản, không tin ảnh chụp màn hình chuyển "
            "khoản.",
            "Lưu lại tin nhắn, hóa đơn để giải quyết khi có tranh chấp với khách.",
        ),
    },
    {
        "title": "Tổ hợp tác phụ nữ: cùng làm, cùng bán, cùng hưởng",
        "topic": "economic_model",
        "intro": "Mô hình tổ hợp tác giúp chị em góp sức, góp vốn để sản xuất và bán hàng tốt hơn.",
        "body": (
            "Tổ hợp tác thường có từ năm đến vài chục thành viên, hoạt động theo hợp đồng hợp tác.",
            "Cùng mua nguyên liệu, cùng làm bao bì và cùng bán giúp giảm chi phí cho từng "
            "thành viên.",
            "Hội Phụ nữ hỗ trợ thành lập, tập huấn quản lý và kết nối thị trường cho các tổ hợp "
            "tác mới.",
        ),
    },
    {
        "title": "Sản phẩm OCOP của phụ nữ Ninh Bình vươn xa",
        "topic": "economic_model",
        "intro": "Nhiều sản phẩm do chị em làm chủ đã đạt chứng nhận OCOP ba, bốn sao.",
        "body": (
            "Chương trình Mỗi xã một sản phẩm giúp nâng chất lượng, bao bì và câu chuyện sản phẩm.",
            "Các hợp tác xã do phụ nữ quản lý có cơm cháy, chiếu cói, chè, miến dong đạt chứng "
            "nhận.",
            "Hội tiếp tục đồng hành để có thêm sản phẩm đạt chuẩn và bán trên sàn thương mại "
            "điện tử.",
        ),
    },
    {
        "title": "Vay vốn ưu đãi qua tổ tiết kiệm và vay vốn",
        "topic": "economic_model",
        "intro": "Tổ tiết kiệm và vay vốn do Hội quản lý giúp chị em tiếp cận vốn chính sách "
        "thuận tiện.",
        "body": (
            "Hội Phụ nữ nhận ủy thác của Ngân hàng Chính sách xã hội, quản lý hàng trăm tổ tiết "
            "kiệm và vay vốn.",
            "Chị em được hướng dẫn lập phương án sản xuất, sử dụng vốn đúng mục đích và trả nợ "
            "đúng hạn.",
            "Nhiều hộ đã thoát nghèo nhờ nguồn vốn này, mở rộng chăn nuôi và làng nghề.",
        ),
    },
    {
        "title": "Phiên chợ phụ nữ khởi nghiệp tại Hoa Lư",
        "topic": "events",
        "intro": "Phiên chợ giới thiệu hơn năm mươi sản phẩm của chị em khởi nghiệp trong tỉnh.",
        "body": (
            "Phiên chợ do Hội Phụ nữ tỉnh tổ chức nhân ngày Phụ nữ Việt Nam 20 tháng 10.",
            "Các gian hàng bày cơm cháy, thêu ren, chiếu cói, mật ong và nhiều sản phẩm OCOP.",
            "Nhiều gian hàng livestream ngay tại chợ, thu hút hàng nghìn lượt xem.",
        ),
    },
    {
        "title": "Tập huấn livestream bán hàng cho hội viên sáu huyện",
        "topic": "events",
        "intro": "Hơn hai trăm hội viên được hướng dẫn livestream, chụp ảnh và viết bài giới "
        "thiệu sản phẩm.",
        "body": (
            "Lớp tập huấn diễn ra trong hai ngày, có phần thực hành ngay trên điện thoại của học "
            "viên.",
            "Các chị được hướng dẫn dựng khung hình, chọn ánh sáng, trả lời bình luận và chốt đơn.",
            "Sau lớp học, nhiều chị em đã tự tổ chức buổi livestream đầu tiên cho sản phẩm của "
            "mình.",
        ),
    },
)

CAMPAIGN = {
    "title": "Phụ nữ trên hành trình chuyển đổi số 2026",
    "slug": "hanh-trinh-chuyen-doi-so-2026",
    "intro": "Chương trình của Hội Liên hiệp Phụ nữ tỉnh giúp chị em ứng dụng công nghệ vào sản "
    "xuất, bán hàng và quản lý, để sản phẩm quê hương đến với khách hàng khắp cả nước.",
}

# title_en: the English heading of the collection's section on the home page.
COLLECTIONS = (
    {
        "title": "Quà Tết từ Ninh Bình",
        "title_en": "Tet gifts from Ninh Binh",
        "curator": "Ban Phong trào Hội Phụ nữ tỉnh",
    },
    {
        "title": "Sản phẩm thủ công của chị em",
        "title_en": "Handicrafts made by our women",
        "curator": "Ban Tuyên giáo Hội Phụ nữ tỉnh",
    },
)

CONTESTS = {
    "entries": {
        "title": "Ảnh đẹp áo dài",
        "slug": "anh-dep-ao-dai",
        "intro": "Gửi bức ảnh đẹp nhất của bạn với tà áo dài và bình chọn cho ảnh bạn yêu thích.",
        "rules": "Mỗi người gửi một ảnh chụp áo dài, kèm chú thích. Ảnh được Hội duyệt trước "
        "khi đăng. Mỗi người được bình chọn ba lần.",
    },
    "quiz": {
        "title": "Tìm hiểu Đại hội Phụ nữ tỉnh Ninh Bình lần thứ XIII",
        "slug": "tim-hieu-dai-hoi-phu-nu-xiii",
        "intro": "Trả lời các câu hỏi về Đại hội đại biểu Phụ nữ tỉnh Ninh Bình lần thứ XIII.",
        "rules": "Mỗi người làm bài một lần. Người trả lời đúng nhiều câu nhất và sớm nhất xếp "
        "hạng cao nhất.",
        "questions": (
            (
                "Đại hội đại biểu Phụ nữ tỉnh Ninh Bình lần thứ XIII có nhiệm kỳ nào?",
                ("2016–2021", "2021–2026", "2026–2031"),
                1,
            ),
            (
                "Khâu đột phá về công tác Hội trong nhiệm kỳ là gì?",
                ("Ứng dụng công nghệ thông tin", "Xây dựng trụ sở", "Tăng hội phí"),
                0,
            ),
            (
                "Mô hình gia đình Hội vận động xây dựng là gì?",
                ("5 không, 3 sạch", "3 không, 5 sạch", "4 không, 4 sạch"),
                0,
            ),
        ),
    },
}

# --------------------------------------------------------------------------
# Product facts: materials and shelf life by top-level category, the members
# credited as makers, and which products carry an OCOP certificate.
# --------------------------------------------------------------------------

PRODUCT_FACTS: dict[str, dict[str, str]] = {
    "Đặc sản thực phẩm": {
        "materials": "Nguyên liệu địa phương, không chất bảo quản, chế biến thủ công",
        "shelf_life": "3 tháng kể từ ngày sản xuất",
    },
    "Gạo và ngũ cốc": {
        "materials": "Lúa trồng tại ruộng của hội viên, xay xát trong vụ",
        "shelf_life": "6 tháng, nơi khô ráo",
    },
    "Đồ uống": {
        "materials": "Nguyên liệu thu hái tại vườn, sao sấy thủ công",
        "shelf_life": "12 tháng",
    },
    "Cói và mây tre đan": {
        "materials": "Cói Kim Sơn phơi nắng, nhuộm màu tự nhiên",
        "shelf_life": "",
    },
    "Thêu ren và dệt may": {
        "materials": "Vải lanh và chỉ cotton, thêu tay",
        "shelf_life": "",
    },
    "Nông sản tươi": {
        "materials": "Trồng theo hướng an toàn, không thuốc diệt cỏ",
        "shelf_life": "5 ngày, bảo quản mát",
    },
}

MAKERS = (
    "Chị Phạm Thị Lan",
    "Chị Đinh Thị Hoa",
    "Chị Nguyễn Thị Thu",
    "Tổ thêu Văn Lâm",
    "Chị Vũ Thị Mai",
    "Tổ cói Kim Chính",
    "Chị Trần Thị Hằng",
)

HOME = {
    "title": "Chợ phiên phụ nữ Ninh Bình",
    "title_en": "Ninh Binh Women's Market",
    "hero_heading": "Sản phẩm của phụ nữ Ninh Bình, từ 47 xã đến tận tay bạn",
    "hero_heading_en": "Made by the women of Ninh Binh, from 47 communes to your door",
    "hero_text_en": "Crispy rice, Kim Son sedge mats, Ky Phu tea, Van Lam embroidery… made by "
    "women's cooperatives, cooperative groups and household businesses. Pay on delivery or by "
    "bank transfer with a VietQR code.",
    "link_text": "Xem sản phẩm",
    "link_text_en": "See the products",
    "hero_text": "Cơm cháy, chiếu cói Kim Sơn, chè Kỳ Phú, thêu ren Văn Lâm… do các hợp tác xã, "
    "tổ hợp tác và hộ kinh doanh của chị em làm ra. Thanh toán khi nhận hàng hoặc chuyển khoản "
    "bằng mã VietQR.",
    "intro": "Chợ phiên phụ nữ Ninh Bình do Hội Liên hiệp Phụ nữ tỉnh xây dựng, trong chương "
    "trình “Phụ nữ trên hành trình chuyển đổi số”. Mỗi gian hàng là câu chuyện về sự cần cù, "
    "sáng tạo của chị em ở 6 huyện.",
}

# --------------------------------------------------------------------------
# Self-check
# --------------------------------------------------------------------------

_REQUIRED_PRODUCT_WORDS = (
    "Cơm cháy chà bông",
    "Cơm cháy mỡ hành",
    "Cơm cháy Ninh Bình đặc sản",
    "đặc sản",
    "Dê núi",
    "Rượu Kim Sơn",
    "Chè Kỳ Phú",
    "Gạo nếp",
    "Miến",
    "Mật ong",
    "Thêu ren Văn Lâm",
    "Chiếu cói",
    "Túi cói",
    "Mây tre đan",
)


# "An toàn trên không gian mạng": the two newest articles, with the help block of the
# news section (hotline 111 and the Union's contacts, UNION_SAFETY_CONTACTS).
ARTICLES = (
    {
        "title": "Gọi 111 khi trẻ em bị bắt nạt, đe dọa trên mạng",
        "topic": "online_safety",
        "intro": "Tổng đài quốc gia bảo vệ trẻ em 111 miễn phí, nghe máy cả ngày lẫn đêm; "
        "cha mẹ, thầy cô và chính các em đều có thể gọi.",
        "body": (
            "Khi con bị người lạ nhắn tin đe dọa, đòi ảnh riêng tư hay bị bạn bè bắt nạt trên "
            "mạng xã hội, hãy giữ lại tin nhắn và ảnh chụp màn hình, đừng xóa.",
            "Gọi ngay 111 để được tư vấn và hỗ trợ; tổng đài giữ bí mật thông tin người gọi và "
            "phối hợp với công an, cơ quan bảo vệ trẻ em tại địa phương.",
            "Chi hội phụ nữ thôn, xóm luôn sẵn sàng đồng hành cùng gia đình: hãy báo cho cán bộ "
            "Hội ở xã để được giúp đỡ kịp thời.",
        ),
    },
    {
        "title": "Thấy hàng giả, nội dung xấu trên chợ phiên: bấm Báo cáo vi phạm",
        "topic": "online_safety",
        "intro": "Mỗi sản phẩm, hợp tác xã, câu chuyện và bài dự thi trên chợ phiên đều có "
        "đường dẫn Báo cáo vi phạm để chị em cùng giữ chợ sạch.",
        "body": (
            "Nếu thấy hàng giả, thông tin sai sự thật hay hình ảnh phản cảm, hãy bấm Báo cáo vi "
            "phạm ngay dưới mục đó, chọn lý do và ghi thêm chi tiết nếu có.",
            "Không cần đăng nhập, không cần để lại tên; nếu muốn Hội liên hệ lại, chị em ghi số "
            "điện thoại hoặc e-mail.",
            "Cán bộ Hội xem xét mọi báo cáo; báo cáo về việc gây hại cho trẻ em được xử lý trước "
            "và mục vi phạm có thể được ẩn ngay trong khi chờ xác minh.",
        ),
    },
    *ARTICLES,
)

UNION_SAFETY_CONTACTS = (
    {
        "name": "Hội LHPN tỉnh Ninh Bình, Ban Gia đình - Xã hội",
        "phone": "0229 3871 234",
        "note": "Giờ hành chính, từ thứ Hai đến thứ Sáu",
    },
    {
        "name": "Tổ tư vấn an toàn trên mạng của Hội",
        "phone": "0912 345 111",
        "note": "Nhắn Zalo bất cứ lúc nào; cán bộ Hội gọi lại",
    },
)

JOIN_PAGE = {
    "title": "Tham gia Hội",
    "intro": "Hội Liên hiệp Phụ nữ tỉnh Ninh Bình chào đón mọi phụ nữ từ đủ 18 tuổi: nông dân, "
    "tiểu thương, công nhân, chị em đang làm ăn xa quê. Điền vài dòng dưới đây, cán bộ Hội ở xã, "
    "phường của chị sẽ gọi điện để hẹn gặp.",
    "outro": "Là hội viên, chị được tham gia sinh hoạt chi hội, các lớp học bán hàng trên mạng, "
    "vay vốn ưu đãi qua Hội và được bảo vệ quyền lợi hợp pháp.",
    "thank_you": "Cảm ơn chị! Cán bộ Hội sẽ gọi cho chị trong vài ngày tới.",
}


def _require(condition: bool, message: str) -> None:
    if not condition:
        raise AssertionError(message)


def _fold(text: str) -> str:
    """Lower case without marks, as shoppers type it (a local copy, no Django)."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


def _all_text() -> list[str]:
    texts = [PROVINCE["name"], *STORY_SERIES.values(), *HOME.values()]
    for district in DISTRICTS:
        texts += [district["name"], *district["communes"]]
    for top in CATEGORIES:
        texts += [top["name"], top["description"]]
        texts += [child["name"] for child in top["children"]]
    for vendor in VENDORS:
        texts += [vendor["name"], vendor["story"], vendor["commune"]]
    for templates in PRODUCT_TEMPLATES.values():
        texts += [t["title"] for t in templates] + [t["description"] for t in templates]
    for item in (*STORIES, *ARTICLES):
        texts += [item["title"], item["intro"], *item["body"]]
    return texts


def validate() -> None:
    """Raise ``AssertionError`` when the demo content breaks an invariant."""
    # Areas
    _require(len(DISTRICTS) == 6, "expected 6 districts")
    district_names = {d["name"] for d in DISTRICTS}
    expected = {"Gia Viễn", "Hoa Lư", "Nho Quan", "Yên Khánh", "Yên Mô", "Kim Sơn"}
    _require(district_names == expected, f"unexpected districts {district_names}")
    communes = [c for d in DISTRICTS for c in d["communes"]]
    _require(len(communes) == 47, f"expected 47 communes, got {len(communes)}")
    _require(len({_fold(c) for c in communes}) == 47, "commune names repeat")
    communes_of = {d["name"]: set(d["communes"]) for d in DISTRICTS}

    # Categories
    _require(len(CATEGORIES) == 6, "expected 6 top-level categories")
    children = [child["name"] for top in CATEGORIES for child in top["children"]]
    category_names = {top["name"] for top in CATEGORIES} | set(children)
    _require(len({_fold(n) for n in category_names}) == 6 + len(children), "category names repeat")
    for top in CATEGORIES:
        _require(2 <= len(top["children"]) <= 4, f"{top['name']}: needs 2-4 children")
        _require(bool(top["name_en"] and top["description"]), f"{top['name']}: missing text")

    # Vendors
    _require(len(VENDORS) == 40, f"expected 40 vendors, got {len(VENDORS)}")
    _require(len({_fold(v["name"]) for v in VENDORS}) == 40, "vendor names repeat")
    for vendor in VENDORS:
        name = vendor["name"]
        _require(vendor["kind"] in VENDOR_KINDS, f"{name}: unknown kind {vendor['kind']}")
        _require(vendor["district"] in communes_of, f"{name}: unknown district")
        _require(vendor["commune"] in communes_of[vendor["district"]], f"{name}: bad commune")
        _require(bool(vendor["specialties"]), f"{name}: no specialties")
        for specialty in vendor["specialties"]:
            _require(specialty in category_names, f"{name}: unknown category {specialty}")
        _require(bool(vendor["story"]), f"{name}: no story")
    _require(len({v["district"] for v in VENDORS}) == 6, "every district needs vendors")
    for child in children:
        _require(any(child in v["specialties"] for v in VENDORS), f"{child}: no vendor makes it")

    # Product templates
    _require(set(PRODUCT_TEMPLATES) == set(children), "templates must cover child categories")
    templates = [t for group in PRODUCT_TEMPLATES.values() for t in group]
    _require(150 <= len(templates) <= 200, f"expected 150-200 templates, got {len(templates)}")
    _require(len({_fold(t["title"]) for t in templates}) == len(templates), "titles repeat")
    for name, group in PRODUCT_TEMPLATES.items():
        _require(4 <= len(group) <= 8, f"{name}: needs 4-8 templates")
        for t in group:
            low, high = t["price"]
            _require(
                isinstance(low, int) and isinstance(high, int) and 0 < low <= high,
                f"{t['title']}: bad price",
            )
            _require(bool(t["title_en"] and t["unit"] and t["description"]), t["title"])
    product_text = " ".join(t["title"] + " " + t["description"] for t in templates)
    for word in _REQUIRED_PRODUCT_WORDS:
        _require(word.lower() in product_text.lower(), f"no product mentions {word!r}")

    # Wagtail content
    vendor_names = {v["name"] for v in VENDORS}
    _require(len(STORIES) == 10, "expected 10 stories")
    for story in STORIES:
        _require(story["vendor"] in vendor_names, f"{story['title']}: unknown vendor")
        _require(len(story["body"]) == 3, f"{story['title']}: needs 3 paragraphs")
    _require(len(ARTICLES) == 22, "expected 22 articles")
    for article in ARTICLES:
        _require(article["topic"] in ARTICLE_TOPICS, f"{article['title']}: unknown topic")
        _require(len(article["body"]) == 3, f"{article['title']}: needs 3 paragraphs")
    titles = [_fold(item["title"]) for item in (*STORIES, *ARTICLES)]
    _require(len(set(titles)) == len(titles), "page titles repeat")

    # Text is NFC, so search folding and slugs behave the same everywhere
    for text in _all_text():
        _require(unicodedata.is_normalized("NFC", text), f"not NFC: {text[:40]!r}")
