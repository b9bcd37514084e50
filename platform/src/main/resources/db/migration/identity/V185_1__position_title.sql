-- The official's title in the position (chức danh: "Giám đốc", "Phó Chủ tịch"…), printed over their name on the
-- results they sign (NĐ 30/2020). Optional: positions granted before have none, and results fall back to the role.
ALTER TABLE official_position ADD COLUMN title VARCHAR(100);
