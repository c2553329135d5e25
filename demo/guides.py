"""The demo's selling guide ("Hướng dẫn bán hàng"): four guides the Union writes for members.

Pure data, Vietnamese first with an English twin of each text, loaded by
``demo.loader`` under the home page. Each guide's ``topic`` is its fixed
address, /help/selling/<topic>/ (``cms.models.GuidePage.Topic``).
"""

from __future__ import annotations

INDEX = {
    "slug": "huong-dan-ban-hang",
    "title": "Hướng dẫn bán hàng",
    "title_en": "Selling guide",
    "intro": (
        "Những điều chị em cần biết để bán hàng trên chợ: chụp ảnh, đặt giá, "
        "đóng gói, gửi hàng và chuẩn bị hồ sơ OCOP."
    ),
    "intro_en": (
        "What members need to sell here: taking photos, setting prices, "
        "packing, sending parcels and preparing for OCOP."
    ),
}

GUIDES = (
    {
        "topic": "photos",
        "slug": "chup-anh-san-pham",
        "title": "Chụp ảnh sản phẩm bằng điện thoại",
        "title_en": "Photographing a product with your phone",
        "intro": "Ảnh đẹp giúp người mua tin và chọn sản phẩm của chị.",
        "intro_en": "Good photos help buyers trust and choose your product.",
        "body": (
            "<h2>Chọn chỗ chụp</h2>"
            "<ul><li>Chụp ban ngày, gần cửa sổ hoặc ngoài hiên, tránh nắng gắt chiếu thẳng.</li>"
            "<li>Trải một tấm vải trơn hoặc tờ giấy trắng làm nền.</li>"
            "<li>Dọn gọn đồ vật xung quanh để người mua chỉ thấy sản phẩm.</li></ul>"
            "<h2>Cách chụp</h2>"
            "<ol><li>Lau sạch ống kính điện thoại.</li>"
            "<li>Tắt đèn flash.</li>"
            "<li>Chụp ảnh đầu tiên thấy toàn bộ sản phẩm: ảnh này là ảnh bìa.</li>"
            "<li>Chụp thêm mặt sau, nhãn, bao bì và một ảnh cận chất liệu.</li>"
            "<li>Đặt cạnh một vật quen thuộc (bàn tay, đồng xu) để người mua thấy kích cỡ."
            "</li></ol>"
            "<p>Không dùng ảnh lấy trên mạng: Hội sẽ không duyệt sản phẩm có ảnh "
            "của người khác.</p>"
        ),
        "body_en": (
            "<h2>Choose the place</h2>"
            "<ul><li>Take photos in daylight, near a window or on the porch, out of harsh sun.</li>"
            "<li>Lay a plain cloth or a sheet of white paper as the background.</li>"
            "<li>Clear the things around it so the buyer sees only the product.</li></ul>"
            "<h2>How to take them</h2>"
            "<ol><li>Wipe the phone's lens clean.</li>"
            "<li>Turn the flash off.</li>"
            "<li>The first photo shows the whole product: it is the cover.</li>"
            "<li>Add the back, the label, the packaging and a close-up of the material.</li>"
            "<li>Put it next to something familiar (a hand, a coin) to show its size.</li></ol>"
            "<p>Do not use photos from the internet: the Union does not approve products "
            "shown with someone else's pictures.</p>"
        ),
    },
    {
        "topic": "pricing",
        "slug": "dat-gia-san-pham",
        "title": "Đặt giá bán sản phẩm",
        "title_en": "Pricing a product",
        "intro": "Giá đúng giúp chị có lãi mà người mua vẫn thấy hợp lý.",
        "intro_en": "The right price leaves you a profit and still seems fair to buyers.",
        "body": (
            "<h2>Cộng đủ chi phí</h2>"
            "<ol><li>Nguyên liệu cho một sản phẩm.</li>"
            "<li>Công làm: số giờ nhân với tiền công một giờ.</li>"
            "<li>Bao bì, tem nhãn, túi đựng.</li>"
            "<li>Một phần tiền điện, nước, dụng cụ.</li></ol>"
            "<p>Lấy tổng chi phí cộng thêm phần lãi chị mong muốn, "
            "thường từ 20 đến 40 phần trăm.</p>"
            "<h2>So sánh trên chợ</h2>"
            "<p>Tìm sản phẩm giống của chị trên chợ và ngoài chợ quê. Nếu giá của chị cao hơn, "
            "hãy nói rõ vì sao trong phần mô tả: làm thủ công, nguyên liệu sạch, có sao OCOP.</p>"
            "<h2>Phí giao hàng</h2>"
            "<p>Phí giao hàng tính riêng theo vùng nhận hàng, "
            "chị không cần cộng vào giá sản phẩm.</p>"
        ),
        "body_en": (
            "<h2>Add up every cost</h2>"
            "<ol><li>The materials for one product.</li>"
            "<li>Your work: the hours times what an hour is worth.</li>"
            "<li>Packaging, labels and bags.</li>"
            "<li>A share of electricity, water and tools.</li></ol>"
            "<p>Add the profit you want to the total, usually 20 to 40 per cent.</p>"
            "<h2>Compare on the market</h2>"
            "<p>Look for products like yours here and at the local market. If yours costs more, "
            "say why in the description: handmade, clean ingredients, OCOP stars.</p>"
            "<h2>Delivery charges</h2>"
            "<p>Delivery is charged separately by the buyer's area: do not add it to the price.</p>"
        ),
    },
    {
        "topic": "packing",
        "slug": "dong-goi-va-gui-hang",
        "title": "Đóng gói và gửi hàng",
        "title_en": "Packing and shipping",
        "intro": "Hàng đến tay người mua nguyên vẹn là người mua quay lại.",
        "intro_en": "A parcel that arrives intact brings the buyer back.",
        "body": (
            "<h2>Đóng gói</h2>"
            "<ul><li>Đồ khô (gạo, miến): túi kín, thêm một lớp túi ni lông bên ngoài.</li>"
            "<li>Chai lọ (mật ong, rượu): quấn giấy báo hoặc xốp hơi, chèn chặt trong hộp.</li>"
            "<li>Đồ cói, mây tre: hộp giấy cứng để không bị bẹp.</li>"
            "<li>Ghi số đơn hàng lên gói để không nhầm.</li></ul>"
            "<h2>Gửi hàng</h2>"
            "<ol><li>Trong mục Đơn hàng, bấm «Xác nhận đơn hàng» khi chị nhận làm đơn đó.</li>"
            "<li>Mang gói ra bưu cục hoặc hẹn đơn vị vận chuyển đến lấy.</li>"
            "<li>Bấm «Giao cho đơn vị vận chuyển», chọn đơn vị vận chuyển và nhập mã vận đơn "
            "in trên biên nhận.</li></ol>"
            "<p>Người mua sẽ nhận thư báo và theo dõi gói hàng bằng mã vận đơn đó.</p>"
        ),
        "body_en": (
            "<h2>Packing</h2>"
            "<ul><li>Dry goods (rice, noodles): a sealed bag inside a second plastic bag.</li>"
            "<li>Bottles and jars (honey, rice wine): wrap in newspaper or bubble wrap, "
            "packed tight in a box.</li>"
            "<li>Sedge and bamboo goods: a stiff cardboard box so they are not crushed.</li>"
            "<li>Write the order number on the parcel so it is not mixed up.</li></ul>"
            "<h2>Sending</h2>"
            "<ol><li>In Orders, tap “Confirm the order” when you take it on.</li>"
            "<li>Take the parcel to the post office or ask the carrier to collect it.</li>"
            "<li>Tap “Hand to the carrier”, choose the carrier and type the tracking "
            "number printed on the receipt.</li></ol>"
            "<p>The buyer gets an e-mail and follows the parcel with that number.</p>"
        ),
    },
    {
        "topic": "ocop",
        "slug": "ocop-can-nhung-gi",
        "title": "Sản phẩm OCOP cần những gì",
        "title_en": "What OCOP needs",
        "intro": "Sao OCOP giúp sản phẩm được tin dùng; đây là những giấy tờ cần chuẩn bị.",
        "intro_en": "OCOP stars earn buyers' trust; these are the papers to prepare.",
        "body": (
            "<p>OCOP (Mỗi xã một sản phẩm) là chương trình xếp hạng sản phẩm đặc trưng "
            "của địa phương từ 3 đến 5 sao.</p>"
            "<h2>Hồ sơ thường cần</h2>"
            "<ul><li>Phiếu đăng ký sản phẩm, nộp tại Ủy ban nhân dân xã.</li>"
            "<li>Giấy đăng ký kinh doanh của hợp tác xã, tổ hợp tác hoặc hộ kinh doanh.</li>"
            "<li>Giấy chứng nhận an toàn thực phẩm với sản phẩm ăn uống.</li>"
            "<li>Câu chuyện sản phẩm: nguồn gốc, cách làm, người làm.</li>"
            "<li>Bao bì có nhãn đủ thông tin: tên, nơi làm, hạn dùng.</li></ul>"
            "<h2>Trên chợ</h2>"
            "<p>Khi sản phẩm đã có sao, chị nhập số sao, số giấy chứng nhận, ngày cấp và "
            "ảnh giấy chứng nhận trong trang sản phẩm. "
            "Hội kiểm tra trước khi hiện huy hiệu OCOP.</p>"
            "<p>Cán bộ Hội xã sẵn sàng giúp chị chuẩn bị hồ sơ.</p>"
        ),
        "body_en": (
            "<p>OCOP (One Commune One Product) rates a place's signature products "
            "from 3 to 5 stars.</p>"
            "<h2>Papers usually needed</h2>"
            "<ul><li>The product registration form, handed in at the commune's People's "
            "Committee.</li>"
            "<li>The business registration of the cooperative, group or household business.</li>"
            "<li>A food safety certificate for food and drink.</li>"
            "<li>The product's story: where it comes from, how and by whom it is made.</li>"
            "<li>Packaging whose label says the name, where it is made and its use-by date."
            "</li></ul>"
            "<h2>On the market</h2>"
            "<p>Once the product has its stars, enter the stars, the certificate's number, its "
            "date and a photo of it on the product's page. The Union checks them before the OCOP "
            "badge shows.</p>"
            "<p>The commune's Union officer is there to help you prepare the papers.</p>"
        ),
    },
)
