"""Made-up articles in the style of Vietnamese outlets, for rules that must generalise.

They are not from the corpus: other pairs of localities, other years (one after the July 2025
reorganisation), other outlets' furniture.
"""

MERGED_2026 = """Ninh Bình – Hưng Yên: Ký kết chương trình hợp tác giai đoạn 2026-2030

Thứ năm, 15/01/2026 10:20

Chiều 14/1, tại tỉnh Ninh Bình, Ban Thường vụ Tỉnh ủy Ninh Bình và Ban Thường vụ Tỉnh ủy Hưng Yên tổ chức hội nghị ký kết chương trình hợp tác phát triển giai đoạn 2026-2030.

Dự hội nghị, về phía tỉnh Ninh Bình có đồng chí Đặng Xuân Phong, Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy; Phạm Quang Ngọc, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh. Về phía tỉnh Hưng Yên có đồng chí Nguyễn Hữu Nghĩa, Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy; Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh Phạm Văn Hòa.

Theo báo cáo, hiện có 35 dự án của các nhà đầu tư Hưng Yên đầu tư trên địa bàn tỉnh Ninh Bình với tổng vốn đăng ký hơn 12.500 tỷ đồng, trong đó nhiều dự án tại khu vực Hà Nam (cũ). Riêng tỉnh Ninh Bình hiện có hơn 2.000 dự án với tổng vốn 400.000 tỷ đồng.

Hai tỉnh thống nhất 10 nội dung hợp tác trọng tâm, trong đó ưu tiên công nghiệp, logistics và du lịch. Nhân dịp này, tỉnh Hưng Yên trao tặng tỉnh Ninh Bình 2 tỷ đồng hỗ trợ xây dựng nhà đại đoàn kết.

Ảnh: Minh Đức
"""

HCM_DONG_THAP = """TP.HCM và Đồng Tháp tăng cường hợp tác phát triển

(PLO) - Sáng 20-3, tại TP Cao Lãnh, Thành ủy TP.HCM và Tỉnh ủy Đồng Tháp tổ chức hội nghị sơ kết chương trình hợp tác giai đoạn 2021-2025.

Chủ trì hội nghị có Bí thư Thành ủy TPHCM Nguyễn Văn Nên; Chủ tịch UBND TP.HCM Phan Văn Mãi và Bí thư Tỉnh ủy Đồng Tháp Lê Quốc Phong.

Đến nay, doanh nghiệp TP.HCM đã đầu tư 120 dự án tại Đồng Tháp với tổng vốn khoảng 1,5 nghìn tỷ đồng. Đồng Tháp có tổng cộng 1.200 dự án với tổng vốn 80.000 tỷ đồng.

Hai bên thống nhất hợp tác trên 8 lĩnh vực trọng tâm: nông nghiệp, du lịch, y tế, giáo dục. Thành phố Hồ Chí Minh hỗ trợ tỉnh Đồng Tháp năm tỷ đồng để xây dựng trường học. Dự hội nghị còn có đại diện các tỉnh Tiền Giang, Vĩnh Long, An Giang.

Tin liên quan
TP.HCM hỗ trợ Bến Tre 10 tỷ đồng khắc phục hạn mặn
Bí thư Nguyễn Văn Nên thăm Long An

Minh Quân
"""
