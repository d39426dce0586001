/* smt-demo-names.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "smt-demo-names.h"

#define TABLE(name, array) \
  const SmtDemoTable name = { array, G_N_ELEMENTS (array) }

/* Southern Vietnam: Huỳnh and Võ where the north writes Hoàng and Vũ.
 * Weights are per mille of the population, roughly as surveys give them. */
static const SmtDemoWeighted family_kinh[] = {
  { "Nguyễn", 380 }, { "Trần", 110 }, { "Lê", 95 }, { "Phạm", 70 }, { "Huỳnh", 42 },
  { "Hoàng", 8 }, { "Phan", 45 }, { "Võ", 40 }, { "Vũ", 6 }, { "Đặng", 21 },
  { "Bùi", 20 }, { "Đỗ", 14 }, { "Hồ", 15 }, { "Ngô", 13 }, { "Dương", 10 },
  { "Lý", 6 }, { "Trương", 12 }, { "Đinh", 6 }, { "Lâm", 6 }, { "Đoàn", 5 },
  { "Mai", 4 }, { "Cao", 4 }, { "Châu", 4 }, { "Tô", 3 }, { "Thái", 3 },
  { "Lương", 3 }, { "Hà", 3 }, { "Lưu", 3 }, { "Tạ", 2 }, { "Quách", 2 },
  { "La", 2 }, { "Tăng", 2 }, { "Kha", 1 }, { "Triệu", 1 },
};
TABLE (smt_demo_family_kinh, family_kinh);

static const SmtDemoWeighted family_khmer[] = {
  { "Thạch", 30 }, { "Sơn", 25 }, { "Danh", 20 }, { "Kim", 12 }, { "Lâm", 8 },
  { "Lý", 5 }, { "Châu", 5 }, { "Huỳnh", 3 }, { "Trần", 2 },
};
TABLE (smt_demo_family_khmer, family_khmer);

static const SmtDemoWeighted family_hoa[] = {
  { "Lâm", 20 }, { "Trương", 15 }, { "Lý", 15 }, { "Quách", 10 }, { "Huỳnh", 10 },
  { "Hứa", 8 }, { "Mã", 6 }, { "Tăng", 6 }, { "Diệp", 5 }, { "Châu", 5 },
};
TABLE (smt_demo_family_hoa, family_hoa);

static const SmtDemoWeighted middle_male[] = {
  { "Minh", 12 }, { "Hữu", 8 }, { "Thành", 7 }, { "Quốc", 7 }, { "Tấn", 6 },
  { "Thanh", 6 }, { "Công", 5 }, { "Đức", 4 }, { "Hoàng", 5 }, { "Ngọc", 3 },
  { "Trọng", 2 }, { "Xuân", 2 }, { "Phước", 3 }, { "Hoài", 2 }, { "Duy", 3 },
  { "Gia", 3 }, { "Anh", 2 }, { "Nhật", 2 }, { "Chí", 3 }, { "Thiện", 2 },
  { "Trung", 2 }, { "Bảo", 3 }, { "Kim", 1 }, { "Phú", 2 },
};
TABLE (smt_demo_middle_male, middle_male);

static const SmtDemoWeighted middle_female[] = {
  { "Ngọc", 12 }, { "Thanh", 8 }, { "Mỹ", 7 }, { "Kim", 7 }, { "Thu", 5 },
  { "Bích", 4 }, { "Hồng", 5 }, { "Diễm", 3 }, { "Phương", 3 }, { "Tuyết", 3 },
  { "Kiều", 3 }, { "Bảo", 3 }, { "Khánh", 3 }, { "Như", 3 }, { "Quỳnh", 2 },
  { "Thùy", 4 }, { "Cẩm", 3 }, { "Yến", 2 }, { "Hoài", 2 }, { "Minh", 2 },
  { "Huỳnh", 2 }, { "Trúc", 2 }, { "Tú", 2 }, { "Xuân", 2 },
};
TABLE (smt_demo_middle_female, middle_female);

static const SmtDemoWeighted given_male[] = {
  { "Ân", 4 }, { "An", 8 }, { "Anh", 6 }, { "Bảo", 5 }, { "Bình", 7 }, { "Cường", 6 },
  { "Dũng", 7 }, { "Duy", 5 }, { "Đạt", 6 }, { "Đức", 6 }, { "Định", 3 }, { "Giang", 2 },
  { "Hải", 7 }, { "Hào", 3 }, { "Hậu", 4 }, { "Hiếu", 5 }, { "Hòa", 5 }, { "Hoàng", 4 },
  { "Hùng", 8 }, { "Huy", 5 }, { "Khánh", 4 }, { "Khoa", 3 }, { "Lâm", 3 }, { "Lộc", 5 },
  { "Long", 7 }, { "Luân", 3 }, { "Lực", 2 }, { "Minh", 8 }, { "Nam", 7 }, { "Nghĩa", 5 },
  { "Nhân", 4 }, { "Phát", 4 }, { "Phong", 5 }, { "Phúc", 5 }, { "Phước", 5 },
  { "Quang", 5 }, { "Quân", 3 }, { "Sang", 4 }, { "Sơn", 6 }, { "Tài", 6 }, { "Tâm", 5 },
  { "Tân", 4 }, { "Thắng", 6 }, { "Thành", 7 }, { "Thiện", 4 }, { "Thịnh", 4 },
  { "Thuận", 4 }, { "Tiến", 4 }, { "Toàn", 4 }, { "Trí", 5 }, { "Trung", 5 },
  { "Tuấn", 7 }, { "Tùng", 3 }, { "Việt", 4 }, { "Vinh", 5 }, { "Vũ", 3 }, { "Hiền", 2 },
  { "Lợi", 4 }, { "Nhựt", 3 }, { "Thông", 3 }, { "Kiệt", 2 }, { "Hưng", 4 },
};
TABLE (smt_demo_given_male, given_male);

/* Southern birth-order names and older given names. */
static const SmtDemoWeighted given_male_old[] = {
  { "Út", 6 }, { "Tư", 4 }, { "Năm", 4 }, { "Sáu", 3 }, { "Bảy", 3 }, { "Tám", 2 },
  { "Mười", 2 }, { "Bé", 2 }, { "Hai", 2 }, { "Ba", 3 }, { "Lành", 2 }, { "Mến", 1 },
  { "Thơm", 1 }, { "Chiến", 3 }, { "Lập", 2 }, { "Quý", 3 }, { "Sửu", 2 }, { "Dần", 2 },
  { "Tý", 1 }, { "Ngộ", 1 }, { "Chánh", 2 }, { "Hên", 1 },
};
TABLE (smt_demo_given_male_old, given_male_old);

static const SmtDemoWeighted given_male_young[] = {
  { "Khang", 5 }, { "Kiệt", 4 }, { "Phát", 4 }, { "Khôi", 4 }, { "Nguyên", 4 },
  { "Huy", 3 }, { "Khoa", 3 }, { "Thịnh", 3 }, { "Quân", 3 }, { "Hiếu", 2 },
  { "Tín", 3 }, { "Vỹ", 2 }, { "Đăng", 3 }, { "Lâm", 2 }, { "Phúc", 3 }, { "Hưng", 2 },
  { "Trọng", 2 }, { "Nhật", 2 }, { "Khải", 2 }, { "Luân", 2 },
};
TABLE (smt_demo_given_male_young, given_male_young);

static const SmtDemoWeighted given_female[] = {
  { "Ánh", 5 }, { "Bích", 4 }, { "Chi", 4 }, { "Diễm", 4 }, { "Dung", 5 }, { "Duyên", 4 },
  { "Giang", 3 }, { "Hà", 4 }, { "Hạnh", 5 }, { "Hằng", 5 }, { "Hiền", 5 }, { "Hoa", 6 },
  { "Hồng", 6 }, { "Huệ", 3 }, { "Hương", 6 }, { "Huyền", 4 }, { "Lan", 7 }, { "Liên", 4 },
  { "Lệ", 3 }, { "Linh", 5 }, { "Loan", 5 }, { "Mai", 6 }, { "My", 4 }, { "Nga", 5 },
  { "Ngân", 4 }, { "Ngọc", 5 }, { "Nhi", 4 }, { "Nhung", 4 }, { "Oanh", 4 }, { "Phương", 5 },
  { "Phượng", 4 }, { "Quyên", 3 }, { "Tâm", 4 }, { "Thảo", 6 }, { "Thắm", 3 }, { "Thu", 5 },
  { "Thúy", 5 }, { "Thủy", 5 }, { "Trang", 6 }, { "Trinh", 4 }, { "Tuyết", 4 },
  { "Tuyền", 3 }, { "Uyên", 3 }, { "Vân", 5 }, { "Vy", 3 }, { "Xuân", 4 }, { "Yến", 5 },
  { "Kiều", 3 }, { "Ngoan", 2 }, { "Hậu", 3 }, { "Diệu", 2 }, { "Nguyệt", 3 }, { "Trâm", 3 },
};
TABLE (smt_demo_given_female, given_female);

static const SmtDemoWeighted given_female_old[] = {
  { "Út", 6 }, { "Bé", 5 }, { "Lài", 3 }, { "Cúc", 4 }, { "Mận", 2 }, { "Đào", 3 },
  { "Lựu", 2 }, { "Gấm", 2 }, { "Tư", 3 }, { "Năm", 3 }, { "Sáu", 2 }, { "Bảy", 2 },
  { "Tám", 2 }, { "Hai", 2 }, { "Ba", 2 }, { "Thơm", 2 }, { "Nở", 2 }, { "Sen", 2 },
  { "Huê", 2 }, { "Mến", 2 }, { "Lành", 2 },
};
TABLE (smt_demo_given_female_old, given_female_old);

static const SmtDemoWeighted given_female_young[] = {
  { "Ngân", 4 }, { "Nhi", 5 }, { "Vy", 5 }, { "Trâm", 4 }, { "Thư", 4 }, { "Hân", 5 },
  { "Như", 4 }, { "Quỳnh", 4 }, { "Khánh", 3 }, { "Tiên", 3 }, { "Ngọc", 3 }, { "My", 3 },
  { "Anh", 4 }, { "Giao", 2 }, { "Thy", 3 }, { "Hiền", 2 }, { "Uyên", 3 }, { "Duyên", 2 },
};
TABLE (smt_demo_given_female_young, given_female_young);

/* Khmer given names as they are written in Vietnamese registers. */
static const SmtDemoWeighted given_khmer_male[] = {
  { "Sóc", 4 }, { "Phol", 3 }, { "Sal", 2 }, { "Chanh", 3 }, { "Sô", 2 }, { "Rinh", 2 },
  { "Thol", 2 }, { "Khum", 2 }, { "Sươl", 2 }, { "Pho", 2 }, { "Sang", 3 }, { "Hùng", 3 },
  { "Tài", 2 }, { "Phương", 2 }, { "Dũng", 2 }, { "Thanh", 2 },
};
TABLE (smt_demo_given_khmer_male, given_khmer_male);

static const SmtDemoWeighted given_khmer_female[] = {
  { "Sa", 3 }, { "Phi", 3 }, { "Thy", 3 }, { "Ri", 2 }, { "Mươl", 2 }, { "Sên", 2 },
  { "Đa", 2 }, { "Chăn", 2 }, { "Ny", 3 }, { "Sết", 2 }, { "Thu", 3 }, { "Lan", 3 },
  { "Hoa", 2 }, { "Mai", 2 }, { "Linh", 2 },
};
TABLE (smt_demo_given_khmer_female, given_khmer_female);

const char *const smt_demo_hamlet_names[] = {
  "Hòa Bình", "Hòa Thuận", "Tân Lợi", "Tân Hòa", "Thới Hòa", "Mỹ Phước", "Phước Lộc",
  "Long Thạnh", "Vĩnh Lợi", "Bình An", "Thạnh Mỹ", "Đông Hưng", "Tây Hưng", "Kinh Xáng",
  "Rạch Gòi", "Cái Sơn", "Xẻo Mát", "Kênh Mới", "Thạnh Lợi", "Phú Hòa", "Nhơn Lộc",
  "An Thạnh", "Long An", "Vàm Xáng", "Bờ Kè", "Đất Sét",
};
const guint smt_demo_n_hamlet_names = G_N_ELEMENTS (smt_demo_hamlet_names);

const char *const smt_demo_away_places[] = {
  "Bình Dương", "Thành phố Hồ Chí Minh", "Đồng Nai", "Long An", "Tây Ninh",
  "Bà Rịa - Vũng Tàu", "Hàn Quốc", "Nhật Bản",
};
const guint smt_demo_n_away_places = G_N_ELEMENTS (smt_demo_away_places);

const char *const smt_demo_monthly_topics[12] = {
  "Chăm lo Tết cho hội viên nghèo, gia đình chính sách",
  "Vui Xuân, đón Tết an toàn; phòng chống cháy nổ mùa khô",
  "Ra quân tháng Thanh niên, ngày Quốc tế Phụ nữ",
  "Phòng chống hạn mặn, bảo vệ mùa màng",
  "Vệ sinh môi trường, diệt lăng quăng phòng sốt xuất huyết",
  "Phòng chống đuối nước cho trẻ em dịp hè",
  "Đền ơn đáp nghĩa, chăm lo gia đình thương binh, liệt sĩ",
  "Vận động hội viên xây dựng nông thôn mới",
  "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
  "Tiết kiệm, giúp nhau phát triển kinh tế gia đình",
  "Ngày hội Đại đoàn kết toàn dân tộc ở khu dân cư",
  "Tổng kết hoạt động năm, đánh giá xếp loại hội viên",
};

const char *const smt_demo_thematic_topics[] = {
  "Phòng chống ma túy và tệ nạn xã hội",
  "Phòng chống bạo lực gia đình",
  "Chuyển đổi số: cài đặt và sử dụng VNeID",
  "An toàn giao thông cho người đi xe máy",
  "Phòng chống lừa đảo qua mạng",
  "Kỹ thuật canh tác lúa giảm phát thải",
  "Nuôi trồng thủy sản trong mùa mưa",
  "Bảo hiểm y tế, bảo hiểm xã hội tự nguyện",
  "Phòng chống dịch bệnh trên gia súc, gia cầm",
  "Phòng chống xâm hại trẻ em",
};
const guint smt_demo_n_thematic_topics = G_N_ELEMENTS (smt_demo_thematic_topics);

const SmtDemoStudy smt_demo_studies[] = {
  { 2016, "12-10", "Nghị quyết Đại hội đại biểu toàn quốc lần thứ XII của Đảng" },
  { 2017, "04-18", "Chỉ thị số 05-CT/TW về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, "
                   "phong cách Hồ Chí Minh" },
  { 2017, "11-14", "Nghị quyết Trung ương 6 khóa XII" },
  { 2018, "05-22", "Nghị quyết Trung ương 7 khóa XII" },
  { 2019, "03-19", "Nghị quyết Trung ương 8 khóa XII" },
  { 2019, "09-17", "Chỉ thị số 11-CT/TU của Ban Thường vụ Tỉnh ủy" },
  { 2020, "10-20", "Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XIV" },
  { 2021, "05-25", "Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng" },
  { 2021, "09-21", "Nghị quyết số 06-NQ/TU của Tỉnh ủy" },
  { 2022, "04-19", "Kết luận số 01-KL/TW về tiếp tục thực hiện Chỉ thị 05-CT/TW" },
  { 2022, "10-18", "Nghị quyết Trung ương 5 khóa XIII" },
  { 2023, "04-11", "Nghị quyết Trung ương 6 khóa XIII" },
  { 2023, "10-17", "Nghị quyết số 43-NQ/TW về phát huy sức mạnh khối đại đoàn kết toàn dân tộc" },
  { 2024, "05-14", "Nghị quyết Trung ương 9 khóa XIII" },
  { 2024, "10-15", "Chỉ thị số 35-CT/TW về đại hội đảng bộ các cấp" },
  { 2025, "03-18", "Nghị quyết số 57-NQ/TW về đột phá phát triển khoa học, công nghệ, "
                   "đổi mới sáng tạo và chuyển đổi số" },
  { 2025, "09-16", "Nghị quyết Đại hội Đảng bộ tỉnh nhiệm kỳ 2025 - 2030" },
  { 2026, "03-17", "Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIV của Đảng" },
};
const guint smt_demo_n_studies = G_N_ELEMENTS (smt_demo_studies);
