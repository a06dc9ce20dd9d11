SELECT
  COUNT(*) AS "__rows",
  COUNT("t10"."__q0") AS "__q0_e",
  SUM(CAST("t10"."__q0" AS BIGINT)) AS "__q0_p",
  COUNT("t10"."__q1") AS "__q1_e",
  SUM(CAST("t10"."__q1" AS BIGINT)) AS "__q1_p",
  COUNT("t10"."__q2") AS "__q2_e",
  SUM(CAST("t10"."__q2" AS BIGINT)) AS "__q2_p",
  COUNT("t10"."__q3") AS "__q3_e",
  SUM(CAST("t10"."__q3" AS BIGINT)) AS "__q3_p",
  COUNT("t10"."__q4") AS "__q4_e",
  SUM(CAST("t10"."__q4" AS BIGINT)) AS "__q4_p",
  COUNT("t10"."__q5") AS "__q5_e",
  SUM(CAST("t10"."__q5" AS BIGINT)) AS "__q5_p",
  COUNT("t10"."__q6") AS "__q6_e",
  SUM(CAST("t10"."__q6" AS BIGINT)) AS "__q6_p",
  COUNT("t10"."__q7") AS "__q7_e",
  SUM(CAST("t10"."__q7" AS BIGINT)) AS "__q7_p",
  COUNT("t10"."__q8") AS "__q8_e",
  SUM(CAST("t10"."__q8" AS BIGINT)) AS "__q8_p",
  COUNT("t10"."__q9") AS "__q9_e",
  SUM(CAST("t10"."__q9" AS BIGINT)) AS "__q9_p",
  1 AS "__a0_e",
  CASE WHEN TRUE AND (
    COUNT(*) >= 1
  ) THEN 1 ELSE 0 END AS "__a0_p"
FROM (
  SELECT
    "t9"."xm",
    "t9"."sfzh",
    "t9"."mz",
    "t9"."xzqh",
    "t9"."csrq",
    "t9"."xb",
    "t9"."yhkh",
    "t9"."age",
    "t9"."start_date",
    "t9"."end_date",
    "t9"."__d_sfzh:id:null",
    "t9"."__d_sfzh:id:shape",
    "t9"."__d_sfzh:id:area_text",
    "t9"."__d_sfzh:id:area",
    "t9"."__d_sfzh:id:birth",
    "t9"."__d_sfzh:id:seq",
    "t9"."__d_sfzh:id:last",
    "t9"."__d_sfzh:id:birth_date",
    "t9"."__d_sfzh:id:shape15",
    "t9"."__d_sfzh:id:birth15_date",
    "t9"."__d_key:sfzh:GB/T 2260:area:20e820631b1b",
    "t9"."__d_key:mz:GB/T 3304:code:bb801a4968ce",
    "t9"."__d_key:xzqh:GB/T 2260:code:20e820631b1b",
    "t9"."__d_csrq:time:iso:iso",
    "t9"."__d_csrq:time:iso:date",
    "t9"."__d_yhkh:luhn16-19:null",
    "t9"."__d_yhkh:luhn16-19:shape",
    "t9"."__d_yhkh:luhn16-19:c0",
    "t9"."__d_yhkh:luhn16-19:c1",
    "t9"."__d_yhkh:luhn16-19:c2",
    "t9"."__d_start_date:time:iso:iso",
    "t9"."__d_start_date:time:iso:date",
    "t9"."__d_end_date:time:iso:iso",
    "t9"."__d_end_date:time:iso:date",
    "t9"."__lk0",
    "t9"."__lk1",
    "t9"."__lk2",
    CAST("t9"."xm" IS NOT NULL AS TINYINT) AS "__q0",
    CAST(NOT (
      REGEXP_MATCHES(
        "t9"."xm",
        '^[ 	
            ​　﻿]*(?:NULL|null|Null|N/A|n/a|NA|\-\-|暂无|无|\-|—|空|/)?[ 	
            ​　﻿]*\z'
      )
    ) AS TINYINT) AS "__q1",
    CAST(CASE
      WHEN "t9"."__d_sfzh:id:null"
      THEN CAST(NULL AS BOOLEAN)
      ELSE COALESCE(
        "t9"."__d_sfzh:id:shape"
        AND (
          (
            (
              0 + (
                (
                  CAST(FLOOR((
                    "t9"."__d_sfzh:id:area"
                  ) / (
                    100000
                  )) AS BIGINT) % 10
                ) * 7
              ) + (
                (
                  CAST(FLOOR((
                    "t9"."__d_sfzh:id:area"
                  ) / (
                    10000
                  )) AS BIGINT) % 10
                ) * 9
              ) + (
                (
                  CAST(FLOOR((
                    "t9"."__d_sfzh:id:area"
                  ) / (
                    1000
                  )) AS BIGINT) % 10
                ) * 10
              ) + (
                (
                  CAST(FLOOR((
                    "t9"."__d_sfzh:id:area"
                  ) / (
                    100
                  )) AS BIGINT) % 10
                ) * 5
              ) + (
                (
                  CAST(FLOOR((
                    "t9"."__d_sfzh:id:area"
                  ) / (
                    10
                  )) AS BIGINT) % 10
                ) * 8
              ) + (
                (
                  "t9"."__d_sfzh:id:area" % 10
                ) * 4
              ) + (
                (
                  CAST(FLOOR((
                    "t9"."__d_sfzh:id:birth"
                  ) / (
                    10000000
                  )) AS BIGINT) % 10
                ) * 2
              ) + (
                (
                  CAST(FLOOR((
                    "t9"."__d_sfzh:id:birth"
                  ) / (
                    1000000
                  )) AS BIGINT) % 10
                ) * 1
              ) + (
                (
                  CAST(FLOOR((
                    "t9"."__d_sfzh:id:birth"
                  ) / (
                    100000
                  )) AS BIGINT) % 10
                ) * 6
              ) + (
                (
                  CAST(FLOOR((
                    "t9"."__d_sfzh:id:birth"
                  ) / (
                    10000
                  )) AS BIGINT) % 10
                ) * 3
              ) + (
                (
                  CAST(FLOOR((
                    "t9"."__d_sfzh:id:birth"
                  ) / (
                    1000
                  )) AS BIGINT) % 10
                ) * 7
              ) + (
                (
                  CAST(FLOOR((
                    "t9"."__d_sfzh:id:birth"
                  ) / (
                    100
                  )) AS BIGINT) % 10
                ) * 9
              ) + (
                (
                  CAST(FLOOR((
                    "t9"."__d_sfzh:id:birth"
                  ) / (
                    10
                  )) AS BIGINT) % 10
                ) * 10
              ) + (
                (
                  "t9"."__d_sfzh:id:birth" % 10
                ) * 5
              ) + (
                (
                  CAST(FLOOR((
                    "t9"."__d_sfzh:id:seq"
                  ) / (
                    100
                  )) AS BIGINT) % 10
                ) * 8
              ) + (
                (
                  CAST(FLOOR((
                    "t9"."__d_sfzh:id:seq"
                  ) / (
                    10
                  )) AS BIGINT) % 10
                ) * 4
              ) + (
                (
                  "t9"."__d_sfzh:id:seq" % 10
                ) * 2
              ) + CASE
                WHEN "t9"."__d_sfzh:id:last" = 'X'
                THEN 10
                ELSE TRY_CAST("t9"."__d_sfzh:id:last" AS BIGINT)
              END
            ) % 11
          ) = 1
        )
        AND (
          "t9"."__d_sfzh:id:birth_date" IS NOT NULL
        )
        AND (
          "t9"."__d_sfzh:id:birth_date" <= MAKE_DATE(2026, 6, 30)
        )
        AND CASE
          WHEN "t9"."__d_key:sfzh:GB/T 2260:area:20e820631b1b" IS NULL
          THEN CAST(NULL AS BOOLEAN)
          ELSE "t9"."__lk0"
        END,
        FALSE
      )
    END AS TINYINT) AS "__q2",
    CAST(CASE
      WHEN "t9"."__d_key:mz:GB/T 3304:code:bb801a4968ce" IS NULL
      THEN CAST(NULL AS BOOLEAN)
      ELSE "t9"."__lk1"
    END AS TINYINT) AS "__q3",
    CAST(CASE
      WHEN "t9"."__d_key:xzqh:GB/T 2260:code:20e820631b1b" IS NULL
      THEN CAST(NULL AS BOOLEAN)
      ELSE "t9"."__lk2"
    END AS TINYINT) AS "__q4",
    CAST(CASE
      WHEN CASE
        WHEN "t9"."__d_sfzh:id:shape"
        THEN "t9"."__d_sfzh:id:birth_date"
        WHEN "t9"."__d_sfzh:id:shape15"
        THEN "t9"."__d_sfzh:id:birth15_date"
        ELSE CAST(NULL AS DATE)
      END IS NULL
      THEN CAST(NULL AS BOOLEAN)
      ELSE CASE
        WHEN "t9"."__d_sfzh:id:shape"
        THEN "t9"."__d_sfzh:id:birth_date"
        WHEN "t9"."__d_sfzh:id:shape15"
        THEN "t9"."__d_sfzh:id:birth15_date"
        ELSE CAST(NULL AS DATE)
      END = CASE
        WHEN "t9"."__d_csrq:time:iso:iso" AND (
          "t9"."__d_csrq:time:iso:date" IS NOT NULL
        )
        THEN "t9"."__d_csrq:time:iso:date"
        WHEN COALESCE(
          CAST(NULLIF(
            REGEXP_EXTRACT(
              CASE
                WHEN REGEXP_MATCHES("t9"."csrq", '^[0-9]{8}\z')
                THEN SUBSTRING(
                  "t9"."csrq",
                  CASE WHEN (
                    0 + 1
                  ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t9"."csrq") END,
                  4
                ) || '-' || SUBSTRING(
                  "t9"."csrq",
                  CASE WHEN (
                    4 + 1
                  ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t9"."csrq") END,
                  2
                ) || '-' || SUBSTRING(
                  "t9"."csrq",
                  CASE WHEN (
                    6 + 1
                  ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t9"."csrq") END,
                  2
                )
                ELSE "t9"."csrq"
              END,
              '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
              1
            ),
            ''
          ) AS BIGINT) BETWEEN 1800 AND 2200
          AND CAST(NULLIF(
            REGEXP_EXTRACT(
              CASE
                WHEN REGEXP_MATCHES("t9"."csrq", '^[0-9]{8}\z')
                THEN SUBSTRING(
                  "t9"."csrq",
                  CASE WHEN (
                    0 + 1
                  ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t9"."csrq") END,
                  4
                ) || '-' || SUBSTRING(
                  "t9"."csrq",
                  CASE WHEN (
                    4 + 1
                  ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t9"."csrq") END,
                  2
                ) || '-' || SUBSTRING(
                  "t9"."csrq",
                  CASE WHEN (
                    6 + 1
                  ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t9"."csrq") END,
                  2
                )
                ELSE "t9"."csrq"
              END,
              '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
              2
            ),
            ''
          ) AS BIGINT) BETWEEN 1 AND 12
          AND (
            CAST(NULLIF(
              REGEXP_EXTRACT(
                CASE
                  WHEN REGEXP_MATCHES("t9"."csrq", '^[0-9]{8}\z')
                  THEN SUBSTRING(
                    "t9"."csrq",
                    CASE WHEN (
                      0 + 1
                    ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t9"."csrq") END,
                    4
                  ) || '-' || SUBSTRING(
                    "t9"."csrq",
                    CASE WHEN (
                      4 + 1
                    ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t9"."csrq") END,
                    2
                  ) || '-' || SUBSTRING(
                    "t9"."csrq",
                    CASE WHEN (
                      6 + 1
                    ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t9"."csrq") END,
                    2
                  )
                  ELSE "t9"."csrq"
                END,
                '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                3
              ),
              ''
            ) AS BIGINT) >= 1
          )
          AND (
            CAST(NULLIF(
              REGEXP_EXTRACT(
                CASE
                  WHEN REGEXP_MATCHES("t9"."csrq", '^[0-9]{8}\z')
                  THEN SUBSTRING(
                    "t9"."csrq",
                    CASE WHEN (
                      0 + 1
                    ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t9"."csrq") END,
                    4
                  ) || '-' || SUBSTRING(
                    "t9"."csrq",
                    CASE WHEN (
                      4 + 1
                    ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t9"."csrq") END,
                    2
                  ) || '-' || SUBSTRING(
                    "t9"."csrq",
                    CASE WHEN (
                      6 + 1
                    ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t9"."csrq") END,
                    2
                  )
                  ELSE "t9"."csrq"
                END,
                '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                3
              ),
              ''
            ) AS BIGINT) <= CASE
              WHEN CAST(NULLIF(
                REGEXP_EXTRACT(
                  CASE
                    WHEN REGEXP_MATCHES("t9"."csrq", '^[0-9]{8}\z')
                    THEN SUBSTRING(
                      "t9"."csrq",
                      CASE WHEN (
                        0 + 1
                      ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t9"."csrq") END,
                      4
                    ) || '-' || SUBSTRING(
                      "t9"."csrq",
                      CASE WHEN (
                        4 + 1
                      ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t9"."csrq") END,
                      2
                    ) || '-' || SUBSTRING(
                      "t9"."csrq",
                      CASE WHEN (
                        6 + 1
                      ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t9"."csrq") END,
                      2
                    )
                    ELSE "t9"."csrq"
                  END,
                  '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                  2
                ),
                ''
              ) AS BIGINT) = 2
              THEN CASE
                WHEN (
                  (
                    (
                      CAST(NULLIF(
                        REGEXP_EXTRACT(
                          CASE
                            WHEN REGEXP_MATCHES("t9"."csrq", '^[0-9]{8}\z')
                            THEN SUBSTRING(
                              "t9"."csrq",
                              CASE WHEN (
                                0 + 1
                              ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t9"."csrq") END,
                              4
                            ) || '-' || SUBSTRING(
                              "t9"."csrq",
                              CASE WHEN (
                                4 + 1
                              ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t9"."csrq") END,
                              2
                            ) || '-' || SUBSTRING(
                              "t9"."csrq",
                              CASE WHEN (
                                6 + 1
                              ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t9"."csrq") END,
                              2
                            )
                            ELSE "t9"."csrq"
                          END,
                          '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                          1
                        ),
                        ''
                      ) AS BIGINT) % 4
                    ) = 0
                  )
                  AND (
                    (
                      CAST(NULLIF(
                        REGEXP_EXTRACT(
                          CASE
                            WHEN REGEXP_MATCHES("t9"."csrq", '^[0-9]{8}\z')
                            THEN SUBSTRING(
                              "t9"."csrq",
                              CASE WHEN (
                                0 + 1
                              ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t9"."csrq") END,
                              4
                            ) || '-' || SUBSTRING(
                              "t9"."csrq",
                              CASE WHEN (
                                4 + 1
                              ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t9"."csrq") END,
                              2
                            ) || '-' || SUBSTRING(
                              "t9"."csrq",
                              CASE WHEN (
                                6 + 1
                              ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t9"."csrq") END,
                              2
                            )
                            ELSE "t9"."csrq"
                          END,
                          '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                          1
                        ),
                        ''
                      ) AS BIGINT) % 100
                    ) <> 0
                  )
                )
                OR (
                  (
                    CAST(NULLIF(
                      REGEXP_EXTRACT(
                        CASE
                          WHEN REGEXP_MATCHES("t9"."csrq", '^[0-9]{8}\z')
                          THEN SUBSTRING(
                            "t9"."csrq",
                            CASE WHEN (
                              0 + 1
                            ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t9"."csrq") END,
                            4
                          ) || '-' || SUBSTRING(
                            "t9"."csrq",
                            CASE WHEN (
                              4 + 1
                            ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t9"."csrq") END,
                            2
                          ) || '-' || SUBSTRING(
                            "t9"."csrq",
                            CASE WHEN (
                              6 + 1
                            ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t9"."csrq") END,
                            2
                          )
                          ELSE "t9"."csrq"
                        END,
                        '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                        1
                      ),
                      ''
                    ) AS BIGINT) % 400
                  ) = 0
                )
                THEN 29
                ELSE 28
              END
              WHEN CAST(NULLIF(
                REGEXP_EXTRACT(
                  CASE
                    WHEN REGEXP_MATCHES("t9"."csrq", '^[0-9]{8}\z')
                    THEN SUBSTRING(
                      "t9"."csrq",
                      CASE WHEN (
                        0 + 1
                      ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t9"."csrq") END,
                      4
                    ) || '-' || SUBSTRING(
                      "t9"."csrq",
                      CASE WHEN (
                        4 + 1
                      ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t9"."csrq") END,
                      2
                    ) || '-' || SUBSTRING(
                      "t9"."csrq",
                      CASE WHEN (
                        6 + 1
                      ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t9"."csrq") END,
                      2
                    )
                    ELSE "t9"."csrq"
                  END,
                  '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                  2
                ),
                ''
              ) AS BIGINT) IN (4, 6, 9, 11)
              THEN 30
              ELSE 31
            END
          )
          AND (
            NOT (
              CAST(NULLIF(
                REGEXP_EXTRACT(
                  CASE
                    WHEN REGEXP_MATCHES("t9"."csrq", '^[0-9]{8}\z')
                    THEN SUBSTRING(
                      "t9"."csrq",
                      CASE WHEN (
                        0 + 1
                      ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t9"."csrq") END,
                      4
                    ) || '-' || SUBSTRING(
                      "t9"."csrq",
                      CASE WHEN (
                        4 + 1
                      ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t9"."csrq") END,
                      2
                    ) || '-' || SUBSTRING(
                      "t9"."csrq",
                      CASE WHEN (
                        6 + 1
                      ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t9"."csrq") END,
                      2
                    )
                    ELSE "t9"."csrq"
                  END,
                  '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                  4
                ),
                ''
              ) AS BIGINT) IS NOT NULL
            )
            OR (
              CAST(NULLIF(
                REGEXP_EXTRACT(
                  CASE
                    WHEN REGEXP_MATCHES("t9"."csrq", '^[0-9]{8}\z')
                    THEN SUBSTRING(
                      "t9"."csrq",
                      CASE WHEN (
                        0 + 1
                      ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t9"."csrq") END,
                      4
                    ) || '-' || SUBSTRING(
                      "t9"."csrq",
                      CASE WHEN (
                        4 + 1
                      ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t9"."csrq") END,
                      2
                    ) || '-' || SUBSTRING(
                      "t9"."csrq",
                      CASE WHEN (
                        6 + 1
                      ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t9"."csrq") END,
                      2
                    )
                    ELSE "t9"."csrq"
                  END,
                  '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                  4
                ),
                ''
              ) AS BIGINT) BETWEEN 0 AND 23
              AND CAST(NULLIF(
                REGEXP_EXTRACT(
                  CASE
                    WHEN REGEXP_MATCHES("t9"."csrq", '^[0-9]{8}\z')
                    THEN SUBSTRING(
                      "t9"."csrq",
                      CASE WHEN (
                        0 + 1
                      ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t9"."csrq") END,
                      4
                    ) || '-' || SUBSTRING(
                      "t9"."csrq",
                      CASE WHEN (
                        4 + 1
                      ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t9"."csrq") END,
                      2
                    ) || '-' || SUBSTRING(
                      "t9"."csrq",
                      CASE WHEN (
                        6 + 1
                      ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t9"."csrq") END,
                      2
                    )
                    ELSE "t9"."csrq"
                  END,
                  '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                  5
                ),
                ''
              ) AS BIGINT) BETWEEN 0 AND 59
              AND (
                (
                  CAST(NULLIF(
                    REGEXP_EXTRACT(
                      CASE
                        WHEN REGEXP_MATCHES("t9"."csrq", '^[0-9]{8}\z')
                        THEN SUBSTRING(
                          "t9"."csrq",
                          CASE WHEN (
                            0 + 1
                          ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t9"."csrq") END,
                          4
                        ) || '-' || SUBSTRING(
                          "t9"."csrq",
                          CASE WHEN (
                            4 + 1
                          ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t9"."csrq") END,
                          2
                        ) || '-' || SUBSTRING(
                          "t9"."csrq",
                          CASE WHEN (
                            6 + 1
                          ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t9"."csrq") END,
                          2
                        )
                        ELSE "t9"."csrq"
                      END,
                      '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                      6
                    ),
                    ''
                  ) AS BIGINT) IS NULL
                )
                OR CAST(NULLIF(
                  REGEXP_EXTRACT(
                    CASE
                      WHEN REGEXP_MATCHES("t9"."csrq", '^[0-9]{8}\z')
                      THEN SUBSTRING(
                        "t9"."csrq",
                        CASE WHEN (
                          0 + 1
                        ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t9"."csrq") END,
                        4
                      ) || '-' || SUBSTRING(
                        "t9"."csrq",
                        CASE WHEN (
                          4 + 1
                        ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t9"."csrq") END,
                        2
                      ) || '-' || SUBSTRING(
                        "t9"."csrq",
                        CASE WHEN (
                          6 + 1
                        ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t9"."csrq") END,
                        2
                      )
                      ELSE "t9"."csrq"
                    END,
                    '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                    6
                  ),
                  ''
                ) AS BIGINT) BETWEEN 0 AND 59
              )
            )
          ),
          FALSE
        )
        THEN MAKE_DATE(
          CAST(NULLIF(
            REGEXP_EXTRACT(
              CASE
                WHEN REGEXP_MATCHES("t9"."csrq", '^[0-9]{8}\z')
                THEN SUBSTRING(
                  "t9"."csrq",
                  CASE WHEN (
                    0 + 1
                  ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t9"."csrq") END,
                  4
                ) || '-' || SUBSTRING(
                  "t9"."csrq",
                  CASE WHEN (
                    4 + 1
                  ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t9"."csrq") END,
                  2
                ) || '-' || SUBSTRING(
                  "t9"."csrq",
                  CASE WHEN (
                    6 + 1
                  ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t9"."csrq") END,
                  2
                )
                ELSE "t9"."csrq"
              END,
              '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
              1
            ),
            ''
          ) AS BIGINT),
          CAST(NULLIF(
            REGEXP_EXTRACT(
              CASE
                WHEN REGEXP_MATCHES("t9"."csrq", '^[0-9]{8}\z')
                THEN SUBSTRING(
                  "t9"."csrq",
                  CASE WHEN (
                    0 + 1
                  ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t9"."csrq") END,
                  4
                ) || '-' || SUBSTRING(
                  "t9"."csrq",
                  CASE WHEN (
                    4 + 1
                  ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t9"."csrq") END,
                  2
                ) || '-' || SUBSTRING(
                  "t9"."csrq",
                  CASE WHEN (
                    6 + 1
                  ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t9"."csrq") END,
                  2
                )
                ELSE "t9"."csrq"
              END,
              '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
              2
            ),
            ''
          ) AS BIGINT),
          CAST(NULLIF(
            REGEXP_EXTRACT(
              CASE
                WHEN REGEXP_MATCHES("t9"."csrq", '^[0-9]{8}\z')
                THEN SUBSTRING(
                  "t9"."csrq",
                  CASE WHEN (
                    0 + 1
                  ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t9"."csrq") END,
                  4
                ) || '-' || SUBSTRING(
                  "t9"."csrq",
                  CASE WHEN (
                    4 + 1
                  ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t9"."csrq") END,
                  2
                ) || '-' || SUBSTRING(
                  "t9"."csrq",
                  CASE WHEN (
                    6 + 1
                  ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t9"."csrq") END,
                  2
                )
                ELSE "t9"."csrq"
              END,
              '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
              3
            ),
            ''
          ) AS BIGINT)
        )
        ELSE CAST(NULL AS DATE)
      END
    END AS TINYINT) AS "__q5",
    CAST(CASE
      WHEN (
        CASE
          WHEN "t9"."__d_sfzh:id:shape" OR "t9"."__d_sfzh:id:shape15"
          THEN "t9"."__d_sfzh:id:seq" % 10
          ELSE CAST(NULL AS BIGINT)
        END IS NULL
      )
      OR (
        CASE
          WHEN TRIM("t9"."xb", ' 	
') = '1'
          THEN 1
          WHEN TRIM("t9"."xb", ' 	
') = '男'
          THEN 1
          WHEN TRIM("t9"."xb", ' 	
') = '男性'
          THEN 1
          WHEN TRIM("t9"."xb", ' 	
') = '2'
          THEN 0
          WHEN TRIM("t9"."xb", ' 	
') = '女'
          THEN 0
          WHEN TRIM("t9"."xb", ' 	
') = '女性'
          THEN 0
          ELSE CAST(NULL AS BIGINT)
        END IS NULL
      )
      THEN CAST(NULL AS BOOLEAN)
      ELSE (
        CASE
          WHEN "t9"."__d_sfzh:id:shape" OR "t9"."__d_sfzh:id:shape15"
          THEN "t9"."__d_sfzh:id:seq" % 10
          ELSE CAST(NULL AS BIGINT)
        END % 2
      ) = CASE
        WHEN TRIM("t9"."xb", ' 	
') = '1'
        THEN 1
        WHEN TRIM("t9"."xb", ' 	
') = '男'
        THEN 1
        WHEN TRIM("t9"."xb", ' 	
') = '男性'
        THEN 1
        WHEN TRIM("t9"."xb", ' 	
') = '2'
        THEN 0
        WHEN TRIM("t9"."xb", ' 	
') = '女'
        THEN 0
        WHEN TRIM("t9"."xb", ' 	
') = '女性'
        THEN 0
        ELSE CAST(NULL AS BIGINT)
      END
    END AS TINYINT) AS "__q6",
    CAST(CASE
      WHEN "t9"."__d_yhkh:luhn16-19:null"
      THEN CAST(NULL AS BOOLEAN)
      ELSE COALESCE(
        "t9"."__d_yhkh:luhn16-19:shape"
        AND (
          (
            (
              0 + (
                CAST(FLOOR((
                  "t9"."__d_yhkh:luhn16-19:c0"
                ) / (
                  10000000
                )) AS BIGINT) % 10
              ) + (
                (
                  (
                    CAST(FLOOR((
                      "t9"."__d_yhkh:luhn16-19:c0"
                    ) / (
                      1000000
                    )) AS BIGINT) % 10
                  ) * 2
                ) - (
                  CAST((
                    CAST(FLOOR((
                      "t9"."__d_yhkh:luhn16-19:c0"
                    ) / (
                      1000000
                    )) AS BIGINT) % 10
                  ) >= 5 AS BIGINT) * 9
                )
              ) + (
                CAST(FLOOR((
                  "t9"."__d_yhkh:luhn16-19:c0"
                ) / (
                  100000
                )) AS BIGINT) % 10
              ) + (
                (
                  (
                    CAST(FLOOR((
                      "t9"."__d_yhkh:luhn16-19:c0"
                    ) / (
                      10000
                    )) AS BIGINT) % 10
                  ) * 2
                ) - (
                  CAST((
                    CAST(FLOOR((
                      "t9"."__d_yhkh:luhn16-19:c0"
                    ) / (
                      10000
                    )) AS BIGINT) % 10
                  ) >= 5 AS BIGINT) * 9
                )
              ) + (
                CAST(FLOOR((
                  "t9"."__d_yhkh:luhn16-19:c0"
                ) / (
                  1000
                )) AS BIGINT) % 10
              ) + (
                (
                  (
                    CAST(FLOOR((
                      "t9"."__d_yhkh:luhn16-19:c0"
                    ) / (
                      100
                    )) AS BIGINT) % 10
                  ) * 2
                ) - (
                  CAST((
                    CAST(FLOOR((
                      "t9"."__d_yhkh:luhn16-19:c0"
                    ) / (
                      100
                    )) AS BIGINT) % 10
                  ) >= 5 AS BIGINT) * 9
                )
              ) + (
                CAST(FLOOR((
                  "t9"."__d_yhkh:luhn16-19:c0"
                ) / (
                  10
                )) AS BIGINT) % 10
              ) + (
                (
                  (
                    "t9"."__d_yhkh:luhn16-19:c0" % 10
                  ) * 2
                ) - (
                  CAST((
                    "t9"."__d_yhkh:luhn16-19:c0" % 10
                  ) >= 5 AS BIGINT) * 9
                )
              ) + (
                CAST(FLOOR((
                  "t9"."__d_yhkh:luhn16-19:c1"
                ) / (
                  10000000
                )) AS BIGINT) % 10
              ) + (
                (
                  (
                    CAST(FLOOR((
                      "t9"."__d_yhkh:luhn16-19:c1"
                    ) / (
                      1000000
                    )) AS BIGINT) % 10
                  ) * 2
                ) - (
                  CAST((
                    CAST(FLOOR((
                      "t9"."__d_yhkh:luhn16-19:c1"
                    ) / (
                      1000000
                    )) AS BIGINT) % 10
                  ) >= 5 AS BIGINT) * 9
                )
              ) + (
                CAST(FLOOR((
                  "t9"."__d_yhkh:luhn16-19:c1"
                ) / (
                  100000
                )) AS BIGINT) % 10
              ) + (
                (
                  (
                    CAST(FLOOR((
                      "t9"."__d_yhkh:luhn16-19:c1"
                    ) / (
                      10000
                    )) AS BIGINT) % 10
                  ) * 2
                ) - (
                  CAST((
                    CAST(FLOOR((
                      "t9"."__d_yhkh:luhn16-19:c1"
                    ) / (
                      10000
                    )) AS BIGINT) % 10
                  ) >= 5 AS BIGINT) * 9
                )
              ) + (
                CAST(FLOOR((
                  "t9"."__d_yhkh:luhn16-19:c1"
                ) / (
                  1000
                )) AS BIGINT) % 10
              ) + (
                (
                  (
                    CAST(FLOOR((
                      "t9"."__d_yhkh:luhn16-19:c1"
                    ) / (
                      100
                    )) AS BIGINT) % 10
                  ) * 2
                ) - (
                  CAST((
                    CAST(FLOOR((
                      "t9"."__d_yhkh:luhn16-19:c1"
                    ) / (
                      100
                    )) AS BIGINT) % 10
                  ) >= 5 AS BIGINT) * 9
                )
              ) + (
                CAST(FLOOR((
                  "t9"."__d_yhkh:luhn16-19:c1"
                ) / (
                  10
                )) AS BIGINT) % 10
              ) + (
                (
                  (
                    "t9"."__d_yhkh:luhn16-19:c1" % 10
                  ) * 2
                ) - (
                  CAST((
                    "t9"."__d_yhkh:luhn16-19:c1" % 10
                  ) >= 5 AS BIGINT) * 9
                )
              ) + (
                CAST(FLOOR((
                  "t9"."__d_yhkh:luhn16-19:c2"
                ) / (
                  10000000
                )) AS BIGINT) % 10
              ) + (
                (
                  (
                    CAST(FLOOR((
                      "t9"."__d_yhkh:luhn16-19:c2"
                    ) / (
                      1000000
                    )) AS BIGINT) % 10
                  ) * 2
                ) - (
                  CAST((
                    CAST(FLOOR((
                      "t9"."__d_yhkh:luhn16-19:c2"
                    ) / (
                      1000000
                    )) AS BIGINT) % 10
                  ) >= 5 AS BIGINT) * 9
                )
              ) + (
                CAST(FLOOR((
                  "t9"."__d_yhkh:luhn16-19:c2"
                ) / (
                  100000
                )) AS BIGINT) % 10
              )
            ) % 10
          ) = 0
        ),
        FALSE
      )
    END AS TINYINT) AS "__q7",
    CAST(CASE
      WHEN COALESCE("t9"."xb" = '1', FALSE)
      THEN CASE
        WHEN "t9"."age" IS NULL
        THEN CAST(NULL AS BOOLEAN)
        ELSE COALESCE(
          TRUE
          AND (
            CASE
              WHEN REGEXP_MATCHES("t9"."age", '^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?\z')
              THEN TRY_CAST("t9"."age" AS DOUBLE)
              ELSE CAST(NULL AS DOUBLE)
            END >= 0.0
          )
          AND (
            CASE
              WHEN REGEXP_MATCHES("t9"."age", '^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?\z')
              THEN TRY_CAST("t9"."age" AS DOUBLE)
              ELSE CAST(NULL AS DOUBLE)
            END <= 150.0
          ),
          FALSE
        )
      END
      ELSE CAST(NULL AS BOOLEAN)
    END AS TINYINT) AS "__q8",
    CAST(CASE
      WHEN (
        CASE
          WHEN "t9"."__d_start_date:time:iso:iso"
          AND (
            "t9"."__d_start_date:time:iso:date" IS NOT NULL
          )
          THEN "t9"."__d_start_date:time:iso:date"
          WHEN COALESCE(
            CAST(NULLIF(
              REGEXP_EXTRACT(
                CASE
                  WHEN REGEXP_MATCHES("t9"."start_date", '^[0-9]{8}\z')
                  THEN SUBSTRING(
                    "t9"."start_date",
                    CASE WHEN (
                      0 + 1
                    ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t9"."start_date") END,
                    4
                  ) || '-' || SUBSTRING(
                    "t9"."start_date",
                    CASE WHEN (
                      4 + 1
                    ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t9"."start_date") END,
                    2
                  ) || '-' || SUBSTRING(
                    "t9"."start_date",
                    CASE WHEN (
                      6 + 1
                    ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t9"."start_date") END,
                    2
                  )
                  ELSE "t9"."start_date"
                END,
                '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                1
              ),
              ''
            ) AS BIGINT) BETWEEN 1800 AND 2200
            AND CAST(NULLIF(
              REGEXP_EXTRACT(
                CASE
                  WHEN REGEXP_MATCHES("t9"."start_date", '^[0-9]{8}\z')
                  THEN SUBSTRING(
                    "t9"."start_date",
                    CASE WHEN (
                      0 + 1
                    ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t9"."start_date") END,
                    4
                  ) || '-' || SUBSTRING(
                    "t9"."start_date",
                    CASE WHEN (
                      4 + 1
                    ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t9"."start_date") END,
                    2
                  ) || '-' || SUBSTRING(
                    "t9"."start_date",
                    CASE WHEN (
                      6 + 1
                    ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t9"."start_date") END,
                    2
                  )
                  ELSE "t9"."start_date"
                END,
                '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                2
              ),
              ''
            ) AS BIGINT) BETWEEN 1 AND 12
            AND (
              CAST(NULLIF(
                REGEXP_EXTRACT(
                  CASE
                    WHEN REGEXP_MATCHES("t9"."start_date", '^[0-9]{8}\z')
                    THEN SUBSTRING(
                      "t9"."start_date",
                      CASE WHEN (
                        0 + 1
                      ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t9"."start_date") END,
                      4
                    ) || '-' || SUBSTRING(
                      "t9"."start_date",
                      CASE WHEN (
                        4 + 1
                      ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t9"."start_date") END,
                      2
                    ) || '-' || SUBSTRING(
                      "t9"."start_date",
                      CASE WHEN (
                        6 + 1
                      ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t9"."start_date") END,
                      2
                    )
                    ELSE "t9"."start_date"
                  END,
                  '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                  3
                ),
                ''
              ) AS BIGINT) >= 1
            )
            AND (
              CAST(NULLIF(
                REGEXP_EXTRACT(
                  CASE
                    WHEN REGEXP_MATCHES("t9"."start_date", '^[0-9]{8}\z')
                    THEN SUBSTRING(
                      "t9"."start_date",
                      CASE WHEN (
                        0 + 1
                      ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t9"."start_date") END,
                      4
                    ) || '-' || SUBSTRING(
                      "t9"."start_date",
                      CASE WHEN (
                        4 + 1
                      ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t9"."start_date") END,
                      2
                    ) || '-' || SUBSTRING(
                      "t9"."start_date",
                      CASE WHEN (
                        6 + 1
                      ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t9"."start_date") END,
                      2
                    )
                    ELSE "t9"."start_date"
                  END,
                  '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                  3
                ),
                ''
              ) AS BIGINT) <= CASE
                WHEN CAST(NULLIF(
                  REGEXP_EXTRACT(
                    CASE
                      WHEN REGEXP_MATCHES("t9"."start_date", '^[0-9]{8}\z')
                      THEN SUBSTRING(
                        "t9"."start_date",
                        CASE WHEN (
                          0 + 1
                        ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t9"."start_date") END,
                        4
                      ) || '-' || SUBSTRING(
                        "t9"."start_date",
                        CASE WHEN (
                          4 + 1
                        ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t9"."start_date") END,
                        2
                      ) || '-' || SUBSTRING(
                        "t9"."start_date",
                        CASE WHEN (
                          6 + 1
                        ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t9"."start_date") END,
                        2
                      )
                      ELSE "t9"."start_date"
                    END,
                    '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                    2
                  ),
                  ''
                ) AS BIGINT) = 2
                THEN CASE
                  WHEN (
                    (
                      (
                        CAST(NULLIF(
                          REGEXP_EXTRACT(
                            CASE
                              WHEN REGEXP_MATCHES("t9"."start_date", '^[0-9]{8}\z')
                              THEN SUBSTRING(
                                "t9"."start_date",
                                CASE WHEN (
                                  0 + 1
                                ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t9"."start_date") END,
                                4
                              ) || '-' || SUBSTRING(
                                "t9"."start_date",
                                CASE WHEN (
                                  4 + 1
                                ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t9"."start_date") END,
                                2
                              ) || '-' || SUBSTRING(
                                "t9"."start_date",
                                CASE WHEN (
                                  6 + 1
                                ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t9"."start_date") END,
                                2
                              )
                              ELSE "t9"."start_date"
                            END,
                            '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                            1
                          ),
                          ''
                        ) AS BIGINT) % 4
                      ) = 0
                    )
                    AND (
                      (
                        CAST(NULLIF(
                          REGEXP_EXTRACT(
                            CASE
                              WHEN REGEXP_MATCHES("t9"."start_date", '^[0-9]{8}\z')
                              THEN SUBSTRING(
                                "t9"."start_date",
                                CASE WHEN (
                                  0 + 1
                                ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t9"."start_date") END,
                                4
                              ) || '-' || SUBSTRING(
                                "t9"."start_date",
                                CASE WHEN (
                                  4 + 1
                                ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t9"."start_date") END,
                                2
                              ) || '-' || SUBSTRING(
                                "t9"."start_date",
                                CASE WHEN (
                                  6 + 1
                                ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t9"."start_date") END,
                                2
                              )
                              ELSE "t9"."start_date"
                            END,
                            '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                            1
                          ),
                          ''
                        ) AS BIGINT) % 100
                      ) <> 0
                    )
                  )
                  OR (
                    (
                      CAST(NULLIF(
                        REGEXP_EXTRACT(
                          CASE
                            WHEN REGEXP_MATCHES("t9"."start_date", '^[0-9]{8}\z')
                            THEN SUBSTRING(
                              "t9"."start_date",
                              CASE WHEN (
                                0 + 1
                              ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t9"."start_date") END,
                              4
                            ) || '-' || SUBSTRING(
                              "t9"."start_date",
                              CASE WHEN (
                                4 + 1
                              ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t9"."start_date") END,
                              2
                            ) || '-' || SUBSTRING(
                              "t9"."start_date",
                              CASE WHEN (
                                6 + 1
                              ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t9"."start_date") END,
                              2
                            )
                            ELSE "t9"."start_date"
                          END,
                          '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                          1
                        ),
                        ''
                      ) AS BIGINT) % 400
                    ) = 0
                  )
                  THEN 29
                  ELSE 28
                END
                WHEN CAST(NULLIF(
                  REGEXP_EXTRACT(
                    CASE
                      WHEN REGEXP_MATCHES("t9"."start_date", '^[0-9]{8}\z')
                      THEN SUBSTRING(
                        "t9"."start_date",
                        CASE WHEN (
                          0 + 1
                        ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t9"."start_date") END,
                        4
                      ) || '-' || SUBSTRING(
                        "t9"."start_date",
                        CASE WHEN (
                          4 + 1
                        ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t9"."start_date") END,
                        2
                      ) || '-' || SUBSTRING(
                        "t9"."start_date",
                        CASE WHEN (
                          6 + 1
                        ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t9"."start_date") END,
                        2
                      )
                      ELSE "t9"."start_date"
                    END,
                    '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                    2
                  ),
                  ''
                ) AS BIGINT) IN (4, 6, 9, 11)
                THEN 30
                ELSE 31
              END
            )
            AND (
              NOT (
                CAST(NULLIF(
                  REGEXP_EXTRACT(
                    CASE
                      WHEN REGEXP_MATCHES("t9"."start_date", '^[0-9]{8}\z')
                      THEN SUBSTRING(
                        "t9"."start_date",
                        CASE WHEN (
                          0 + 1
                        ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t9"."start_date") END,
                        4
                      ) || '-' || SUBSTRING(
                        "t9"."start_date",
                        CASE WHEN (
                          4 + 1
                        ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t9"."start_date") END,
                        2
                      ) || '-' || SUBSTRING(
                        "t9"."start_date",
                        CASE WHEN (
                          6 + 1
                        ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t9"."start_date") END,
                        2
                      )
                      ELSE "t9"."start_date"
                    END,
                    '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                    4
                  ),
                  ''
                ) AS BIGINT) IS NOT NULL
              )
              OR (
                CAST(NULLIF(
                  REGEXP_EXTRACT(
                    CASE
                      WHEN REGEXP_MATCHES("t9"."start_date", '^[0-9]{8}\z')
                      THEN SUBSTRING(
                        "t9"."start_date",
                        CASE WHEN (
                          0 + 1
                        ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t9"."start_date") END,
                        4
                      ) || '-' || SUBSTRING(
                        "t9"."start_date",
                        CASE WHEN (
                          4 + 1
                        ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t9"."start_date") END,
                        2
                      ) || '-' || SUBSTRING(
                        "t9"."start_date",
                        CASE WHEN (
                          6 + 1
                        ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t9"."start_date") END,
                        2
                      )
                      ELSE "t9"."start_date"
                    END,
                    '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                    4
                  ),
                  ''
                ) AS BIGINT) BETWEEN 0 AND 23
                AND CAST(NULLIF(
                  REGEXP_EXTRACT(
                    CASE
                      WHEN REGEXP_MATCHES("t9"."start_date", '^[0-9]{8}\z')
                      THEN SUBSTRING(
                        "t9"."start_date",
                        CASE WHEN (
                          0 + 1
                        ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t9"."start_date") END,
                        4
                      ) || '-' || SUBSTRING(
                        "t9"."start_date",
                        CASE WHEN (
                          4 + 1
                        ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t9"."start_date") END,
                        2
                      ) || '-' || SUBSTRING(
                        "t9"."start_date",
                        CASE WHEN (
                          6 + 1
                        ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t9"."start_date") END,
                        2
                      )
                      ELSE "t9"."start_date"
                    END,
                    '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                    5
                  ),
                  ''
                ) AS BIGINT) BETWEEN 0 AND 59
                AND (
                  (
                    CAST(NULLIF(
                      REGEXP_EXTRACT(
                        CASE
                          WHEN REGEXP_MATCHES("t9"."start_date", '^[0-9]{8}\z')
                          THEN SUBSTRING(
                            "t9"."start_date",
                            CASE WHEN (
                              0 + 1
                            ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t9"."start_date") END,
                            4
                          ) || '-' || SUBSTRING(
                            "t9"."start_date",
                            CASE WHEN (
                              4 + 1
                            ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t9"."start_date") END,
                            2
                          ) || '-' || SUBSTRING(
                            "t9"."start_date",
                            CASE WHEN (
                              6 + 1
                            ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t9"."start_date") END,
                            2
                          )
                          ELSE "t9"."start_date"
                        END,
                        '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                        6
                      ),
                      ''
                    ) AS BIGINT) IS NULL
                  )
                  OR CAST(NULLIF(
                    REGEXP_EXTRACT(
                      CASE
                        WHEN REGEXP_MATCHES("t9"."start_date", '^[0-9]{8}\z')
                        THEN SUBSTRING(
                          "t9"."start_date",
                          CASE WHEN (
                            0 + 1
                          ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t9"."start_date") END,
                          4
                        ) || '-' || SUBSTRING(
                          "t9"."start_date",
                          CASE WHEN (
                            4 + 1
                          ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t9"."start_date") END,
                          2
                        ) || '-' || SUBSTRING(
                          "t9"."start_date",
                          CASE WHEN (
                            6 + 1
                          ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t9"."start_date") END,
                          2
                        )
                        ELSE "t9"."start_date"
                      END,
                      '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                      6
                    ),
                    ''
                  ) AS BIGINT) BETWEEN 0 AND 59
                )
              )
            ),
            FALSE
          )
          THEN MAKE_DATE(
            CAST(NULLIF(
              REGEXP_EXTRACT(
                CASE
                  WHEN REGEXP_MATCHES("t9"."start_date", '^[0-9]{8}\z')
                  THEN SUBSTRING(
                    "t9"."start_date",
                    CASE WHEN (
                      0 + 1
                    ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t9"."start_date") END,
                    4
                  ) || '-' || SUBSTRING(
                    "t9"."start_date",
                    CASE WHEN (
                      4 + 1
                    ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t9"."start_date") END,
                    2
                  ) || '-' || SUBSTRING(
                    "t9"."start_date",
                    CASE WHEN (
                      6 + 1
                    ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t9"."start_date") END,
                    2
                  )
                  ELSE "t9"."start_date"
                END,
                '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                1
              ),
              ''
            ) AS BIGINT),
            CAST(NULLIF(
              REGEXP_EXTRACT(
                CASE
                  WHEN REGEXP_MATCHES("t9"."start_date", '^[0-9]{8}\z')
                  THEN SUBSTRING(
                    "t9"."start_date",
                    CASE WHEN (
                      0 + 1
                    ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t9"."start_date") END,
                    4
                  ) || '-' || SUBSTRING(
                    "t9"."start_date",
                    CASE WHEN (
                      4 + 1
                    ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t9"."start_date") END,
                    2
                  ) || '-' || SUBSTRING(
                    "t9"."start_date",
                    CASE WHEN (
                      6 + 1
                    ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t9"."start_date") END,
                    2
                  )
                  ELSE "t9"."start_date"
                END,
                '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                2
              ),
              ''
            ) AS BIGINT),
            CAST(NULLIF(
              REGEXP_EXTRACT(
                CASE
                  WHEN REGEXP_MATCHES("t9"."start_date", '^[0-9]{8}\z')
                  THEN SUBSTRING(
                    "t9"."start_date",
                    CASE WHEN (
                      0 + 1
                    ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t9"."start_date") END,
                    4
                  ) || '-' || SUBSTRING(
                    "t9"."start_date",
                    CASE WHEN (
                      4 + 1
                    ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t9"."start_date") END,
                    2
                  ) || '-' || SUBSTRING(
                    "t9"."start_date",
                    CASE WHEN (
                      6 + 1
                    ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t9"."start_date") END,
                    2
                  )
                  ELSE "t9"."start_date"
                END,
                '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                3
              ),
              ''
            ) AS BIGINT)
          )
          ELSE CAST(NULL AS DATE)
        END IS NULL
      )
      OR (
        CASE
          WHEN "t9"."__d_end_date:time:iso:iso"
          AND (
            "t9"."__d_end_date:time:iso:date" IS NOT NULL
          )
          THEN "t9"."__d_end_date:time:iso:date"
          WHEN COALESCE(
            CAST(NULLIF(
              REGEXP_EXTRACT(
                CASE
                  WHEN REGEXP_MATCHES("t9"."end_date", '^[0-9]{8}\z')
                  THEN SUBSTRING(
                    "t9"."end_date",
                    CASE WHEN (
                      0 + 1
                    ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t9"."end_date") END,
                    4
                  ) || '-' || SUBSTRING(
                    "t9"."end_date",
                    CASE WHEN (
                      4 + 1
                    ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t9"."end_date") END,
                    2
                  ) || '-' || SUBSTRING(
                    "t9"."end_date",
                    CASE WHEN (
                      6 + 1
                    ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t9"."end_date") END,
                    2
                  )
                  ELSE "t9"."end_date"
                END,
                '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                1
              ),
              ''
            ) AS BIGINT) BETWEEN 1800 AND 2200
            AND CAST(NULLIF(
              REGEXP_EXTRACT(
                CASE
                  WHEN REGEXP_MATCHES("t9"."end_date", '^[0-9]{8}\z')
                  THEN SUBSTRING(
                    "t9"."end_date",
                    CASE WHEN (
                      0 + 1
                    ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t9"."end_date") END,
                    4
                  ) || '-' || SUBSTRING(
                    "t9"."end_date",
                    CASE WHEN (
                      4 + 1
                    ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t9"."end_date") END,
                    2
                  ) || '-' || SUBSTRING(
                    "t9"."end_date",
                    CASE WHEN (
                      6 + 1
                    ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t9"."end_date") END,
                    2
                  )
                  ELSE "t9"."end_date"
                END,
                '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                2
              ),
              ''
            ) AS BIGINT) BETWEEN 1 AND 12
            AND (
              CAST(NULLIF(
                REGEXP_EXTRACT(
                  CASE
                    WHEN REGEXP_MATCHES("t9"."end_date", '^[0-9]{8}\z')
                    THEN SUBSTRING(
                      "t9"."end_date",
                      CASE WHEN (
                        0 + 1
                      ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t9"."end_date") END,
                      4
                    ) || '-' || SUBSTRING(
                      "t9"."end_date",
                      CASE WHEN (
                        4 + 1
                      ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t9"."end_date") END,
                      2
                    ) || '-' || SUBSTRING(
                      "t9"."end_date",
                      CASE WHEN (
                        6 + 1
                      ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t9"."end_date") END,
                      2
                    )
                    ELSE "t9"."end_date"
                  END,
                  '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                  3
                ),
                ''
              ) AS BIGINT) >= 1
            )
            AND (
              CAST(NULLIF(
                REGEXP_EXTRACT(
                  CASE
                    WHEN REGEXP_MATCHES("t9"."end_date", '^[0-9]{8}\z')
                    THEN SUBSTRING(
                      "t9"."end_date",
                      CASE WHEN (
                        0 + 1
                      ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t9"."end_date") END,
                      4
                    ) || '-' || SUBSTRING(
                      "t9"."end_date",
                      CASE WHEN (
                        4 + 1
                      ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t9"."end_date") END,
                      2
                    ) || '-' || SUBSTRING(
                      "t9"."end_date",
                      CASE WHEN (
                        6 + 1
                      ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t9"."end_date") END,
                      2
                    )
                    ELSE "t9"."end_date"
                  END,
                  '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                  3
                ),
                ''
              ) AS BIGINT) <= CASE
                WHEN CAST(NULLIF(
                  REGEXP_EXTRACT(
                    CASE
                      WHEN REGEXP_MATCHES("t9"."end_date", '^[0-9]{8}\z')
                      THEN SUBSTRING(
                        "t9"."end_date",
                        CASE WHEN (
                          0 + 1
                        ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t9"."end_date") END,
                        4
                      ) || '-' || SUBSTRING(
                        "t9"."end_date",
                        CASE WHEN (
                          4 + 1
                        ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t9"."end_date") END,
                        2
                      ) || '-' || SUBSTRING(
                        "t9"."end_date",
                        CASE WHEN (
                          6 + 1
                        ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t9"."end_date") END,
                        2
                      )
                      ELSE "t9"."end_date"
                    END,
                    '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                    2
                  ),
                  ''
                ) AS BIGINT) = 2
                THEN CASE
                  WHEN (
                    (
                      (
                        CAST(NULLIF(
                          REGEXP_EXTRACT(
                            CASE
                              WHEN REGEXP_MATCHES("t9"."end_date", '^[0-9]{8}\z')
                              THEN SUBSTRING(
                                "t9"."end_date",
                                CASE WHEN (
                                  0 + 1
                                ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t9"."end_date") END,
                                4
                              ) || '-' || SUBSTRING(
                                "t9"."end_date",
                                CASE WHEN (
                                  4 + 1
                                ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t9"."end_date") END,
                                2
                              ) || '-' || SUBSTRING(
                                "t9"."end_date",
                                CASE WHEN (
                                  6 + 1
                                ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t9"."end_date") END,
                                2
                              )
                              ELSE "t9"."end_date"
                            END,
                            '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                            1
                          ),
                          ''
                        ) AS BIGINT) % 4
                      ) = 0
                    )
                    AND (
                      (
                        CAST(NULLIF(
                          REGEXP_EXTRACT(
                            CASE
                              WHEN REGEXP_MATCHES("t9"."end_date", '^[0-9]{8}\z')
                              THEN SUBSTRING(
                                "t9"."end_date",
                                CASE WHEN (
                                  0 + 1
                                ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t9"."end_date") END,
                                4
                              ) || '-' || SUBSTRING(
                                "t9"."end_date",
                                CASE WHEN (
                                  4 + 1
                                ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t9"."end_date") END,
                                2
                              ) || '-' || SUBSTRING(
                                "t9"."end_date",
                                CASE WHEN (
                                  6 + 1
                                ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t9"."end_date") END,
                                2
                              )
                              ELSE "t9"."end_date"
                            END,
                            '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                            1
                          ),
                          ''
                        ) AS BIGINT) % 100
                      ) <> 0
                    )
                  )
                  OR (
                    (
                      CAST(NULLIF(
                        REGEXP_EXTRACT(
                          CASE
                            WHEN REGEXP_MATCHES("t9"."end_date", '^[0-9]{8}\z')
                            THEN SUBSTRING(
                              "t9"."end_date",
                              CASE WHEN (
                                0 + 1
                              ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t9"."end_date") END,
                              4
                            ) || '-' || SUBSTRING(
                              "t9"."end_date",
                              CASE WHEN (
                                4 + 1
                              ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t9"."end_date") END,
                              2
                            ) || '-' || SUBSTRING(
                              "t9"."end_date",
                              CASE WHEN (
                                6 + 1
                              ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t9"."end_date") END,
                              2
                            )
                            ELSE "t9"."end_date"
                          END,
                          '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                          1
                        ),
                        ''
                      ) AS BIGINT) % 400
                    ) = 0
                  )
                  THEN 29
                  ELSE 28
                END
                WHEN CAST(NULLIF(
                  REGEXP_EXTRACT(
                    CASE
                      WHEN REGEXP_MATCHES("t9"."end_date", '^[0-9]{8}\z')
                      THEN SUBSTRING(
                        "t9"."end_date",
                        CASE WHEN (
                          0 + 1
                        ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t9"."end_date") END,
                        4
                      ) || '-' || SUBSTRING(
                        "t9"."end_date",
                        CASE WHEN (
                          4 + 1
                        ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t9"."end_date") END,
                        2
                      ) || '-' || SUBSTRING(
                        "t9"."end_date",
                        CASE WHEN (
                          6 + 1
                        ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t9"."end_date") END,
                        2
                      )
                      ELSE "t9"."end_date"
                    END,
                    '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                    2
                  ),
                  ''
                ) AS BIGINT) IN (4, 6, 9, 11)
                THEN 30
                ELSE 31
              END
            )
            AND (
              NOT (
                CAST(NULLIF(
                  REGEXP_EXTRACT(
                    CASE
                      WHEN REGEXP_MATCHES("t9"."end_date", '^[0-9]{8}\z')
                      THEN SUBSTRING(
                        "t9"."end_date",
                        CASE WHEN (
                          0 + 1
                        ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t9"."end_date") END,
                        4
                      ) || '-' || SUBSTRING(
                        "t9"."end_date",
                        CASE WHEN (
                          4 + 1
                        ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t9"."end_date") END,
                        2
                      ) || '-' || SUBSTRING(
                        "t9"."end_date",
                        CASE WHEN (
                          6 + 1
                        ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t9"."end_date") END,
                        2
                      )
                      ELSE "t9"."end_date"
                    END,
                    '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                    4
                  ),
                  ''
                ) AS BIGINT) IS NOT NULL
              )
              OR (
                CAST(NULLIF(
                  REGEXP_EXTRACT(
                    CASE
                      WHEN REGEXP_MATCHES("t9"."end_date", '^[0-9]{8}\z')
                      THEN SUBSTRING(
                        "t9"."end_date",
                        CASE WHEN (
                          0 + 1
                        ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t9"."end_date") END,
                        4
                      ) || '-' || SUBSTRING(
                        "t9"."end_date",
                        CASE WHEN (
                          4 + 1
                        ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t9"."end_date") END,
                        2
                      ) || '-' || SUBSTRING(
                        "t9"."end_date",
                        CASE WHEN (
                          6 + 1
                        ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t9"."end_date") END,
                        2
                      )
                      ELSE "t9"."end_date"
                    END,
                    '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                    4
                  ),
                  ''
                ) AS BIGINT) BETWEEN 0 AND 23
                AND CAST(NULLIF(
                  REGEXP_EXTRACT(
                    CASE
                      WHEN REGEXP_MATCHES("t9"."end_date", '^[0-9]{8}\z')
                      THEN SUBSTRING(
                        "t9"."end_date",
                        CASE WHEN (
                          0 + 1
                        ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t9"."end_date") END,
                        4
                      ) || '-' || SUBSTRING(
                        "t9"."end_date",
                        CASE WHEN (
                          4 + 1
                        ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t9"."end_date") END,
                        2
                      ) || '-' || SUBSTRING(
                        "t9"."end_date",
                        CASE WHEN (
                          6 + 1
                        ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t9"."end_date") END,
                        2
                      )
                      ELSE "t9"."end_date"
                    END,
                    '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                    5
                  ),
                  ''
                ) AS BIGINT) BETWEEN 0 AND 59
                AND (
                  (
                    CAST(NULLIF(
                      REGEXP_EXTRACT(
                        CASE
                          WHEN REGEXP_MATCHES("t9"."end_date", '^[0-9]{8}\z')
                          THEN SUBSTRING(
                            "t9"."end_date",
                            CASE WHEN (
                              0 + 1
                            ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t9"."end_date") END,
                            4
                          ) || '-' || SUBSTRING(
                            "t9"."end_date",
                            CASE WHEN (
                              4 + 1
                            ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t9"."end_date") END,
                            2
                          ) || '-' || SUBSTRING(
                            "t9"."end_date",
                            CASE WHEN (
                              6 + 1
                            ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t9"."end_date") END,
                            2
                          )
                          ELSE "t9"."end_date"
                        END,
                        '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                        6
                      ),
                      ''
                    ) AS BIGINT) IS NULL
                  )
                  OR CAST(NULLIF(
                    REGEXP_EXTRACT(
                      CASE
                        WHEN REGEXP_MATCHES("t9"."end_date", '^[0-9]{8}\z')
                        THEN SUBSTRING(
                          "t9"."end_date",
                          CASE WHEN (
                            0 + 1
                          ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t9"."end_date") END,
                          4
                        ) || '-' || SUBSTRING(
                          "t9"."end_date",
                          CASE WHEN (
                            4 + 1
                          ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t9"."end_date") END,
                          2
                        ) || '-' || SUBSTRING(
                          "t9"."end_date",
                          CASE WHEN (
                            6 + 1
                          ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t9"."end_date") END,
                          2
                        )
                        ELSE "t9"."end_date"
                      END,
                      '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                      6
                    ),
                    ''
                  ) AS BIGINT) BETWEEN 0 AND 59
                )
              )
            ),
            FALSE
          )
          THEN MAKE_DATE(
            CAST(NULLIF(
              REGEXP_EXTRACT(
                CASE
                  WHEN REGEXP_MATCHES("t9"."end_date", '^[0-9]{8}\z')
                  THEN SUBSTRING(
                    "t9"."end_date",
                    CASE WHEN (
                      0 + 1
                    ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t9"."end_date") END,
                    4
                  ) || '-' || SUBSTRING(
                    "t9"."end_date",
                    CASE WHEN (
                      4 + 1
                    ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t9"."end_date") END,
                    2
                  ) || '-' || SUBSTRING(
                    "t9"."end_date",
                    CASE WHEN (
                      6 + 1
                    ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t9"."end_date") END,
                    2
                  )
                  ELSE "t9"."end_date"
                END,
                '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                1
              ),
              ''
            ) AS BIGINT),
            CAST(NULLIF(
              REGEXP_EXTRACT(
                CASE
                  WHEN REGEXP_MATCHES("t9"."end_date", '^[0-9]{8}\z')
                  THEN SUBSTRING(
                    "t9"."end_date",
                    CASE WHEN (
                      0 + 1
                    ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t9"."end_date") END,
                    4
                  ) || '-' || SUBSTRING(
                    "t9"."end_date",
                    CASE WHEN (
                      4 + 1
                    ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t9"."end_date") END,
                    2
                  ) || '-' || SUBSTRING(
                    "t9"."end_date",
                    CASE WHEN (
                      6 + 1
                    ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t9"."end_date") END,
                    2
                  )
                  ELSE "t9"."end_date"
                END,
                '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                2
              ),
              ''
            ) AS BIGINT),
            CAST(NULLIF(
              REGEXP_EXTRACT(
                CASE
                  WHEN REGEXP_MATCHES("t9"."end_date", '^[0-9]{8}\z')
                  THEN SUBSTRING(
                    "t9"."end_date",
                    CASE WHEN (
                      0 + 1
                    ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t9"."end_date") END,
                    4
                  ) || '-' || SUBSTRING(
                    "t9"."end_date",
                    CASE WHEN (
                      4 + 1
                    ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t9"."end_date") END,
                    2
                  ) || '-' || SUBSTRING(
                    "t9"."end_date",
                    CASE WHEN (
                      6 + 1
                    ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t9"."end_date") END,
                    2
                  )
                  ELSE "t9"."end_date"
                END,
                '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                3
              ),
              ''
            ) AS BIGINT)
          )
          ELSE CAST(NULL AS DATE)
        END IS NULL
      )
      THEN CAST(NULL AS BOOLEAN)
      ELSE CASE
        WHEN "t9"."__d_start_date:time:iso:iso"
        AND (
          "t9"."__d_start_date:time:iso:date" IS NOT NULL
        )
        THEN "t9"."__d_start_date:time:iso:date"
        WHEN COALESCE(
          CAST(NULLIF(
            REGEXP_EXTRACT(
              CASE
                WHEN REGEXP_MATCHES("t9"."start_date", '^[0-9]{8}\z')
                THEN SUBSTRING(
                  "t9"."start_date",
                  CASE WHEN (
                    0 + 1
                  ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t9"."start_date") END,
                  4
                ) || '-' || SUBSTRING(
                  "t9"."start_date",
                  CASE WHEN (
                    4 + 1
                  ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t9"."start_date") END,
                  2
                ) || '-' || SUBSTRING(
                  "t9"."start_date",
                  CASE WHEN (
                    6 + 1
                  ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t9"."start_date") END,
                  2
                )
                ELSE "t9"."start_date"
              END,
              '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
              1
            ),
            ''
          ) AS BIGINT) BETWEEN 1800 AND 2200
          AND CAST(NULLIF(
            REGEXP_EXTRACT(
              CASE
                WHEN REGEXP_MATCHES("t9"."start_date", '^[0-9]{8}\z')
                THEN SUBSTRING(
                  "t9"."start_date",
                  CASE WHEN (
                    0 + 1
                  ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t9"."start_date") END,
                  4
                ) || '-' || SUBSTRING(
                  "t9"."start_date",
                  CASE WHEN (
                    4 + 1
                  ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t9"."start_date") END,
                  2
                ) || '-' || SUBSTRING(
                  "t9"."start_date",
                  CASE WHEN (
                    6 + 1
                  ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t9"."start_date") END,
                  2
                )
                ELSE "t9"."start_date"
              END,
              '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
              2
            ),
            ''
          ) AS BIGINT) BETWEEN 1 AND 12
          AND (
            CAST(NULLIF(
              REGEXP_EXTRACT(
                CASE
                  WHEN REGEXP_MATCHES("t9"."start_date", '^[0-9]{8}\z')
                  THEN SUBSTRING(
                    "t9"."start_date",
                    CASE WHEN (
                      0 + 1
                    ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t9"."start_date") END,
                    4
                  ) || '-' || SUBSTRING(
                    "t9"."start_date",
                    CASE WHEN (
                      4 + 1
                    ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t9"."start_date") END,
                    2
                  ) || '-' || SUBSTRING(
                    "t9"."start_date",
                    CASE WHEN (
                      6 + 1
                    ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t9"."start_date") END,
                    2
                  )
                  ELSE "t9"."start_date"
                END,
                '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                3
              ),
              ''
            ) AS BIGINT) >= 1
          )
          AND (
            CAST(NULLIF(
              REGEXP_EXTRACT(
                CASE
                  WHEN REGEXP_MATCHES("t9"."start_date", '^[0-9]{8}\z')
                  THEN SUBSTRING(
                    "t9"."start_date",
                    CASE WHEN (
                      0 + 1
                    ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t9"."start_date") END,
                    4
                  ) || '-' || SUBSTRING(
                    "t9"."start_date",
                    CASE WHEN (
                      4 + 1
                    ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t9"."start_date") END,
                    2
                  ) || '-' || SUBSTRING(
                    "t9"."start_date",
                    CASE WHEN (
                      6 + 1
                    ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t9"."start_date") END,
                    2
                  )
                  ELSE "t9"."start_date"
                END,
                '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                3
              ),
              ''
            ) AS BIGINT) <= CASE
              WHEN CAST(NULLIF(
                REGEXP_EXTRACT(
                  CASE
                    WHEN REGEXP_MATCHES("t9"."start_date", '^[0-9]{8}\z')
                    THEN SUBSTRING(
                      "t9"."start_date",
                      CASE WHEN (
                        0 + 1
                      ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t9"."start_date") END,
                      4
                    ) || '-' || SUBSTRING(
                      "t9"."start_date",
                      CASE WHEN (
                        4 + 1
                      ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t9"."start_date") END,
                      2
                    ) || '-' || SUBSTRING(
                      "t9"."start_date",
                      CASE WHEN (
                        6 + 1
                      ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t9"."start_date") END,
                      2
                    )
                    ELSE "t9"."start_date"
                  END,
                  '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                  2
                ),
                ''
              ) AS BIGINT) = 2
              THEN CASE
                WHEN (
                  (
                    (
                      CAST(NULLIF(
                        REGEXP_EXTRACT(
                          CASE
                            WHEN REGEXP_MATCHES("t9"."start_date", '^[0-9]{8}\z')
                            THEN SUBSTRING(
                              "t9"."start_date",
                              CASE WHEN (
                                0 + 1
                              ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t9"."start_date") END,
                              4
                            ) || '-' || SUBSTRING(
                              "t9"."start_date",
                              CASE WHEN (
                                4 + 1
                              ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t9"."start_date") END,
                              2
                            ) || '-' || SUBSTRING(
                              "t9"."start_date",
                              CASE WHEN (
                                6 + 1
                              ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t9"."start_date") END,
                              2
                            )
                            ELSE "t9"."start_date"
                          END,
                          '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                          1
                        ),
                        ''
                      ) AS BIGINT) % 4
                    ) = 0
                  )
                  AND (
                    (
                      CAST(NULLIF(
                        REGEXP_EXTRACT(
                          CASE
                            WHEN REGEXP_MATCHES("t9"."start_date", '^[0-9]{8}\z')
                            THEN SUBSTRING(
                              "t9"."start_date",
                              CASE WHEN (
                                0 + 1
                              ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t9"."start_date") END,
                              4
                            ) || '-' || SUBSTRING(
                              "t9"."start_date",
                              CASE WHEN (
                                4 + 1
                              ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t9"."start_date") END,
                              2
                            ) || '-' || SUBSTRING(
                              "t9"."start_date",
                              CASE WHEN (
                                6 + 1
                              ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t9"."start_date") END,
                              2
                            )
                            ELSE "t9"."start_date"
                          END,
                          '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                          1
                        ),
                        ''
                      ) AS BIGINT) % 100
                    ) <> 0
                  )
                )
                OR (
                  (
                    CAST(NULLIF(
                      REGEXP_EXTRACT(
                        CASE
                          WHEN REGEXP_MATCHES("t9"."start_date", '^[0-9]{8}\z')
                          THEN SUBSTRING(
                            "t9"."start_date",
                            CASE WHEN (
                              0 + 1
                            ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t9"."start_date") END,
                            4
                          ) || '-' || SUBSTRING(
                            "t9"."start_date",
                            CASE WHEN (
                              4 + 1
                            ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t9"."start_date") END,
                            2
                          ) || '-' || SUBSTRING(
                            "t9"."start_date",
                            CASE WHEN (
                              6 + 1
                            ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t9"."start_date") END,
                            2
                          )
                          ELSE "t9"."start_date"
                        END,
                        '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                        1
                      ),
                      ''
                    ) AS BIGINT) % 400
                  ) = 0
                )
                THEN 29
                ELSE 28
              END
              WHEN CAST(NULLIF(
                REGEXP_EXTRACT(
                  CASE
                    WHEN REGEXP_MATCHES("t9"."start_date", '^[0-9]{8}\z')
                    THEN SUBSTRING(
                      "t9"."start_date",
                      CASE WHEN (
                        0 + 1
                      ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t9"."start_date") END,
                      4
                    ) || '-' || SUBSTRING(
                      "t9"."start_date",
                      CASE WHEN (
                        4 + 1
                      ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t9"."start_date") END,
                      2
                    ) || '-' || SUBSTRING(
                      "t9"."start_date",
                      CASE WHEN (
                        6 + 1
                      ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t9"."start_date") END,
                      2
                    )
                    ELSE "t9"."start_date"
                  END,
                  '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                  2
                ),
                ''
              ) AS BIGINT) IN (4, 6, 9, 11)
              THEN 30
              ELSE 31
            END
          )
          AND (
            NOT (
              CAST(NULLIF(
                REGEXP_EXTRACT(
                  CASE
                    WHEN REGEXP_MATCHES("t9"."start_date", '^[0-9]{8}\z')
                    THEN SUBSTRING(
                      "t9"."start_date",
                      CASE WHEN (
                        0 + 1
                      ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t9"."start_date") END,
                      4
                    ) || '-' || SUBSTRING(
                      "t9"."start_date",
                      CASE WHEN (
                        4 + 1
                      ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t9"."start_date") END,
                      2
                    ) || '-' || SUBSTRING(
                      "t9"."start_date",
                      CASE WHEN (
                        6 + 1
                      ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t9"."start_date") END,
                      2
                    )
                    ELSE "t9"."start_date"
                  END,
                  '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                  4
                ),
                ''
              ) AS BIGINT) IS NOT NULL
            )
            OR (
              CAST(NULLIF(
                REGEXP_EXTRACT(
                  CASE
                    WHEN REGEXP_MATCHES("t9"."start_date", '^[0-9]{8}\z')
                    THEN SUBSTRING(
                      "t9"."start_date",
                      CASE WHEN (
                        0 + 1
                      ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t9"."start_date") END,
                      4
                    ) || '-' || SUBSTRING(
                      "t9"."start_date",
                      CASE WHEN (
                        4 + 1
                      ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t9"."start_date") END,
                      2
                    ) || '-' || SUBSTRING(
                      "t9"."start_date",
                      CASE WHEN (
                        6 + 1
                      ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t9"."start_date") END,
                      2
                    )
                    ELSE "t9"."start_date"
                  END,
                  '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                  4
                ),
                ''
              ) AS BIGINT) BETWEEN 0 AND 23
              AND CAST(NULLIF(
                REGEXP_EXTRACT(
                  CASE
                    WHEN REGEXP_MATCHES("t9"."start_date", '^[0-9]{8}\z')
                    THEN SUBSTRING(
                      "t9"."start_date",
                      CASE WHEN (
                        0 + 1
                      ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t9"."start_date") END,
                      4
                    ) || '-' || SUBSTRING(
                      "t9"."start_date",
                      CASE WHEN (
                        4 + 1
                      ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t9"."start_date") END,
                      2
                    ) || '-' || SUBSTRING(
                      "t9"."start_date",
                      CASE WHEN (
                        6 + 1
                      ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t9"."start_date") END,
                      2
                    )
                    ELSE "t9"."start_date"
                  END,
                  '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                  5
                ),
                ''
              ) AS BIGINT) BETWEEN 0 AND 59
              AND (
                (
                  CAST(NULLIF(
                    REGEXP_EXTRACT(
                      CASE
                        WHEN REGEXP_MATCHES("t9"."start_date", '^[0-9]{8}\z')
                        THEN SUBSTRING(
                          "t9"."start_date",
                          CASE WHEN (
                            0 + 1
                          ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t9"."start_date") END,
                          4
                        ) || '-' || SUBSTRING(
                          "t9"."start_date",
                          CASE WHEN (
                            4 + 1
                          ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t9"."start_date") END,
                          2
                        ) || '-' || SUBSTRING(
                          "t9"."start_date",
                          CASE WHEN (
                            6 + 1
                          ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t9"."start_date") END,
                          2
                        )
                        ELSE "t9"."start_date"
                      END,
                      '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                      6
                    ),
                    ''
                  ) AS BIGINT) IS NULL
                )
                OR CAST(NULLIF(
                  REGEXP_EXTRACT(
                    CASE
                      WHEN REGEXP_MATCHES("t9"."start_date", '^[0-9]{8}\z')
                      THEN SUBSTRING(
                        "t9"."start_date",
                        CASE WHEN (
                          0 + 1
                        ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t9"."start_date") END,
                        4
                      ) || '-' || SUBSTRING(
                        "t9"."start_date",
                        CASE WHEN (
                          4 + 1
                        ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t9"."start_date") END,
                        2
                      ) || '-' || SUBSTRING(
                        "t9"."start_date",
                        CASE WHEN (
                          6 + 1
                        ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t9"."start_date") END,
                        2
                      )
                      ELSE "t9"."start_date"
                    END,
                    '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                    6
                  ),
                  ''
                ) AS BIGINT) BETWEEN 0 AND 59
              )
            )
          ),
          FALSE
        )
        THEN MAKE_DATE(
          CAST(NULLIF(
            REGEXP_EXTRACT(
              CASE
                WHEN REGEXP_MATCHES("t9"."start_date", '^[0-9]{8}\z')
                THEN SUBSTRING(
                  "t9"."start_date",
                  CASE WHEN (
                    0 + 1
                  ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t9"."start_date") END,
                  4
                ) || '-' || SUBSTRING(
                  "t9"."start_date",
                  CASE WHEN (
                    4 + 1
                  ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t9"."start_date") END,
                  2
                ) || '-' || SUBSTRING(
                  "t9"."start_date",
                  CASE WHEN (
                    6 + 1
                  ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t9"."start_date") END,
                  2
                )
                ELSE "t9"."start_date"
              END,
              '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
              1
            ),
            ''
          ) AS BIGINT),
          CAST(NULLIF(
            REGEXP_EXTRACT(
              CASE
                WHEN REGEXP_MATCHES("t9"."start_date", '^[0-9]{8}\z')
                THEN SUBSTRING(
                  "t9"."start_date",
                  CASE WHEN (
                    0 + 1
                  ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t9"."start_date") END,
                  4
                ) || '-' || SUBSTRING(
                  "t9"."start_date",
                  CASE WHEN (
                    4 + 1
                  ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t9"."start_date") END,
                  2
                ) || '-' || SUBSTRING(
                  "t9"."start_date",
                  CASE WHEN (
                    6 + 1
                  ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t9"."start_date") END,
                  2
                )
                ELSE "t9"."start_date"
              END,
              '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
              2
            ),
            ''
          ) AS BIGINT),
          CAST(NULLIF(
            REGEXP_EXTRACT(
              CASE
                WHEN REGEXP_MATCHES("t9"."start_date", '^[0-9]{8}\z')
                THEN SUBSTRING(
                  "t9"."start_date",
                  CASE WHEN (
                    0 + 1
                  ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t9"."start_date") END,
                  4
                ) || '-' || SUBSTRING(
                  "t9"."start_date",
                  CASE WHEN (
                    4 + 1
                  ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t9"."start_date") END,
                  2
                ) || '-' || SUBSTRING(
                  "t9"."start_date",
                  CASE WHEN (
                    6 + 1
                  ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t9"."start_date") END,
                  2
                )
                ELSE "t9"."start_date"
              END,
              '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
              3
            ),
            ''
          ) AS BIGINT)
        )
        ELSE CAST(NULL AS DATE)
      END <= CASE
        WHEN "t9"."__d_end_date:time:iso:iso"
        AND (
          "t9"."__d_end_date:time:iso:date" IS NOT NULL
        )
        THEN "t9"."__d_end_date:time:iso:date"
        WHEN COALESCE(
          CAST(NULLIF(
            REGEXP_EXTRACT(
              CASE
                WHEN REGEXP_MATCHES("t9"."end_date", '^[0-9]{8}\z')
                THEN SUBSTRING(
                  "t9"."end_date",
                  CASE WHEN (
                    0 + 1
                  ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t9"."end_date") END,
                  4
                ) || '-' || SUBSTRING(
                  "t9"."end_date",
                  CASE WHEN (
                    4 + 1
                  ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t9"."end_date") END,
                  2
                ) || '-' || SUBSTRING(
                  "t9"."end_date",
                  CASE WHEN (
                    6 + 1
                  ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t9"."end_date") END,
                  2
                )
                ELSE "t9"."end_date"
              END,
              '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
              1
            ),
            ''
          ) AS BIGINT) BETWEEN 1800 AND 2200
          AND CAST(NULLIF(
            REGEXP_EXTRACT(
              CASE
                WHEN REGEXP_MATCHES("t9"."end_date", '^[0-9]{8}\z')
                THEN SUBSTRING(
                  "t9"."end_date",
                  CASE WHEN (
                    0 + 1
                  ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t9"."end_date") END,
                  4
                ) || '-' || SUBSTRING(
                  "t9"."end_date",
                  CASE WHEN (
                    4 + 1
                  ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t9"."end_date") END,
                  2
                ) || '-' || SUBSTRING(
                  "t9"."end_date",
                  CASE WHEN (
                    6 + 1
                  ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t9"."end_date") END,
                  2
                )
                ELSE "t9"."end_date"
              END,
              '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
              2
            ),
            ''
          ) AS BIGINT) BETWEEN 1 AND 12
          AND (
            CAST(NULLIF(
              REGEXP_EXTRACT(
                CASE
                  WHEN REGEXP_MATCHES("t9"."end_date", '^[0-9]{8}\z')
                  THEN SUBSTRING(
                    "t9"."end_date",
                    CASE WHEN (
                      0 + 1
                    ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t9"."end_date") END,
                    4
                  ) || '-' || SUBSTRING(
                    "t9"."end_date",
                    CASE WHEN (
                      4 + 1
                    ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t9"."end_date") END,
                    2
                  ) || '-' || SUBSTRING(
                    "t9"."end_date",
                    CASE WHEN (
                      6 + 1
                    ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t9"."end_date") END,
                    2
                  )
                  ELSE "t9"."end_date"
                END,
                '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                3
              ),
              ''
            ) AS BIGINT) >= 1
          )
          AND (
            CAST(NULLIF(
              REGEXP_EXTRACT(
                CASE
                  WHEN REGEXP_MATCHES("t9"."end_date", '^[0-9]{8}\z')
                  THEN SUBSTRING(
                    "t9"."end_date",
                    CASE WHEN (
                      0 + 1
                    ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t9"."end_date") END,
                    4
                  ) || '-' || SUBSTRING(
                    "t9"."end_date",
                    CASE WHEN (
                      4 + 1
                    ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t9"."end_date") END,
                    2
                  ) || '-' || SUBSTRING(
                    "t9"."end_date",
                    CASE WHEN (
                      6 + 1
                    ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t9"."end_date") END,
                    2
                  )
                  ELSE "t9"."end_date"
                END,
                '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                3
              ),
              ''
            ) AS BIGINT) <= CASE
              WHEN CAST(NULLIF(
                REGEXP_EXTRACT(
                  CASE
                    WHEN REGEXP_MATCHES("t9"."end_date", '^[0-9]{8}\z')
                    THEN SUBSTRING(
                      "t9"."end_date",
                      CASE WHEN (
                        0 + 1
                      ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t9"."end_date") END,
                      4
                    ) || '-' || SUBSTRING(
                      "t9"."end_date",
                      CASE WHEN (
                        4 + 1
                      ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t9"."end_date") END,
                      2
                    ) || '-' || SUBSTRING(
                      "t9"."end_date",
                      CASE WHEN (
                        6 + 1
                      ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t9"."end_date") END,
                      2
                    )
                    ELSE "t9"."end_date"
                  END,
                  '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                  2
                ),
                ''
              ) AS BIGINT) = 2
              THEN CASE
                WHEN (
                  (
                    (
                      CAST(NULLIF(
                        REGEXP_EXTRACT(
                          CASE
                            WHEN REGEXP_MATCHES("t9"."end_date", '^[0-9]{8}\z')
                            THEN SUBSTRING(
                              "t9"."end_date",
                              CASE WHEN (
                                0 + 1
                              ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t9"."end_date") END,
                              4
                            ) || '-' || SUBSTRING(
                              "t9"."end_date",
                              CASE WHEN (
                                4 + 1
                              ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t9"."end_date") END,
                              2
                            ) || '-' || SUBSTRING(
                              "t9"."end_date",
                              CASE WHEN (
                                6 + 1
                              ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t9"."end_date") END,
                              2
                            )
                            ELSE "t9"."end_date"
                          END,
                          '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                          1
                        ),
                        ''
                      ) AS BIGINT) % 4
                    ) = 0
                  )
                  AND (
                    (
                      CAST(NULLIF(
                        REGEXP_EXTRACT(
                          CASE
                            WHEN REGEXP_MATCHES("t9"."end_date", '^[0-9]{8}\z')
                            THEN SUBSTRING(
                              "t9"."end_date",
                              CASE WHEN (
                                0 + 1
                              ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t9"."end_date") END,
                              4
                            ) || '-' || SUBSTRING(
                              "t9"."end_date",
                              CASE WHEN (
                                4 + 1
                              ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t9"."end_date") END,
                              2
                            ) || '-' || SUBSTRING(
                              "t9"."end_date",
                              CASE WHEN (
                                6 + 1
                              ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t9"."end_date") END,
                              2
                            )
                            ELSE "t9"."end_date"
                          END,
                          '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                          1
                        ),
                        ''
                      ) AS BIGINT) % 100
                    ) <> 0
                  )
                )
                OR (
                  (
                    CAST(NULLIF(
                      REGEXP_EXTRACT(
                        CASE
                          WHEN REGEXP_MATCHES("t9"."end_date", '^[0-9]{8}\z')
                          THEN SUBSTRING(
                            "t9"."end_date",
                            CASE WHEN (
                              0 + 1
                            ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t9"."end_date") END,
                            4
                          ) || '-' || SUBSTRING(
                            "t9"."end_date",
                            CASE WHEN (
                              4 + 1
                            ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t9"."end_date") END,
                            2
                          ) || '-' || SUBSTRING(
                            "t9"."end_date",
                            CASE WHEN (
                              6 + 1
                            ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t9"."end_date") END,
                            2
                          )
                          ELSE "t9"."end_date"
                        END,
                        '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                        1
                      ),
                      ''
                    ) AS BIGINT) % 400
                  ) = 0
                )
                THEN 29
                ELSE 28
              END
              WHEN CAST(NULLIF(
                REGEXP_EXTRACT(
                  CASE
                    WHEN REGEXP_MATCHES("t9"."end_date", '^[0-9]{8}\z')
                    THEN SUBSTRING(
                      "t9"."end_date",
                      CASE WHEN (
                        0 + 1
                      ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t9"."end_date") END,
                      4
                    ) || '-' || SUBSTRING(
                      "t9"."end_date",
                      CASE WHEN (
                        4 + 1
                      ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t9"."end_date") END,
                      2
                    ) || '-' || SUBSTRING(
                      "t9"."end_date",
                      CASE WHEN (
                        6 + 1
                      ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t9"."end_date") END,
                      2
                    )
                    ELSE "t9"."end_date"
                  END,
                  '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                  2
                ),
                ''
              ) AS BIGINT) IN (4, 6, 9, 11)
              THEN 30
              ELSE 31
            END
          )
          AND (
            NOT (
              CAST(NULLIF(
                REGEXP_EXTRACT(
                  CASE
                    WHEN REGEXP_MATCHES("t9"."end_date", '^[0-9]{8}\z')
                    THEN SUBSTRING(
                      "t9"."end_date",
                      CASE WHEN (
                        0 + 1
                      ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t9"."end_date") END,
                      4
                    ) || '-' || SUBSTRING(
                      "t9"."end_date",
                      CASE WHEN (
                        4 + 1
                      ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t9"."end_date") END,
                      2
                    ) || '-' || SUBSTRING(
                      "t9"."end_date",
                      CASE WHEN (
                        6 + 1
                      ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t9"."end_date") END,
                      2
                    )
                    ELSE "t9"."end_date"
                  END,
                  '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                  4
                ),
                ''
              ) AS BIGINT) IS NOT NULL
            )
            OR (
              CAST(NULLIF(
                REGEXP_EXTRACT(
                  CASE
                    WHEN REGEXP_MATCHES("t9"."end_date", '^[0-9]{8}\z')
                    THEN SUBSTRING(
                      "t9"."end_date",
                      CASE WHEN (
                        0 + 1
                      ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t9"."end_date") END,
                      4
                    ) || '-' || SUBSTRING(
                      "t9"."end_date",
                      CASE WHEN (
                        4 + 1
                      ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t9"."end_date") END,
                      2
                    ) || '-' || SUBSTRING(
                      "t9"."end_date",
                      CASE WHEN (
                        6 + 1
                      ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t9"."end_date") END,
                      2
                    )
                    ELSE "t9"."end_date"
                  END,
                  '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                  4
                ),
                ''
              ) AS BIGINT) BETWEEN 0 AND 23
              AND CAST(NULLIF(
                REGEXP_EXTRACT(
                  CASE
                    WHEN REGEXP_MATCHES("t9"."end_date", '^[0-9]{8}\z')
                    THEN SUBSTRING(
                      "t9"."end_date",
                      CASE WHEN (
                        0 + 1
                      ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t9"."end_date") END,
                      4
                    ) || '-' || SUBSTRING(
                      "t9"."end_date",
                      CASE WHEN (
                        4 + 1
                      ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t9"."end_date") END,
                      2
                    ) || '-' || SUBSTRING(
                      "t9"."end_date",
                      CASE WHEN (
                        6 + 1
                      ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t9"."end_date") END,
                      2
                    )
                    ELSE "t9"."end_date"
                  END,
                  '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                  5
                ),
                ''
              ) AS BIGINT) BETWEEN 0 AND 59
              AND (
                (
                  CAST(NULLIF(
                    REGEXP_EXTRACT(
                      CASE
                        WHEN REGEXP_MATCHES("t9"."end_date", '^[0-9]{8}\z')
                        THEN SUBSTRING(
                          "t9"."end_date",
                          CASE WHEN (
                            0 + 1
                          ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t9"."end_date") END,
                          4
                        ) || '-' || SUBSTRING(
                          "t9"."end_date",
                          CASE WHEN (
                            4 + 1
                          ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t9"."end_date") END,
                          2
                        ) || '-' || SUBSTRING(
                          "t9"."end_date",
                          CASE WHEN (
                            6 + 1
                          ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t9"."end_date") END,
                          2
                        )
                        ELSE "t9"."end_date"
                      END,
                      '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                      6
                    ),
                    ''
                  ) AS BIGINT) IS NULL
                )
                OR CAST(NULLIF(
                  REGEXP_EXTRACT(
                    CASE
                      WHEN REGEXP_MATCHES("t9"."end_date", '^[0-9]{8}\z')
                      THEN SUBSTRING(
                        "t9"."end_date",
                        CASE WHEN (
                          0 + 1
                        ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t9"."end_date") END,
                        4
                      ) || '-' || SUBSTRING(
                        "t9"."end_date",
                        CASE WHEN (
                          4 + 1
                        ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t9"."end_date") END,
                        2
                      ) || '-' || SUBSTRING(
                        "t9"."end_date",
                        CASE WHEN (
                          6 + 1
                        ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t9"."end_date") END,
                        2
                      )
                      ELSE "t9"."end_date"
                    END,
                    '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                    6
                  ),
                  ''
                ) AS BIGINT) BETWEEN 0 AND 59
              )
            )
          ),
          FALSE
        )
        THEN MAKE_DATE(
          CAST(NULLIF(
            REGEXP_EXTRACT(
              CASE
                WHEN REGEXP_MATCHES("t9"."end_date", '^[0-9]{8}\z')
                THEN SUBSTRING(
                  "t9"."end_date",
                  CASE WHEN (
                    0 + 1
                  ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t9"."end_date") END,
                  4
                ) || '-' || SUBSTRING(
                  "t9"."end_date",
                  CASE WHEN (
                    4 + 1
                  ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t9"."end_date") END,
                  2
                ) || '-' || SUBSTRING(
                  "t9"."end_date",
                  CASE WHEN (
                    6 + 1
                  ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t9"."end_date") END,
                  2
                )
                ELSE "t9"."end_date"
              END,
              '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
              1
            ),
            ''
          ) AS BIGINT),
          CAST(NULLIF(
            REGEXP_EXTRACT(
              CASE
                WHEN REGEXP_MATCHES("t9"."end_date", '^[0-9]{8}\z')
                THEN SUBSTRING(
                  "t9"."end_date",
                  CASE WHEN (
                    0 + 1
                  ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t9"."end_date") END,
                  4
                ) || '-' || SUBSTRING(
                  "t9"."end_date",
                  CASE WHEN (
                    4 + 1
                  ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t9"."end_date") END,
                  2
                ) || '-' || SUBSTRING(
                  "t9"."end_date",
                  CASE WHEN (
                    6 + 1
                  ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t9"."end_date") END,
                  2
                )
                ELSE "t9"."end_date"
              END,
              '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
              2
            ),
            ''
          ) AS BIGINT),
          CAST(NULLIF(
            REGEXP_EXTRACT(
              CASE
                WHEN REGEXP_MATCHES("t9"."end_date", '^[0-9]{8}\z')
                THEN SUBSTRING(
                  "t9"."end_date",
                  CASE WHEN (
                    0 + 1
                  ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t9"."end_date") END,
                  4
                ) || '-' || SUBSTRING(
                  "t9"."end_date",
                  CASE WHEN (
                    4 + 1
                  ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t9"."end_date") END,
                  2
                ) || '-' || SUBSTRING(
                  "t9"."end_date",
                  CASE WHEN (
                    6 + 1
                  ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t9"."end_date") END,
                  2
                )
                ELSE "t9"."end_date"
              END,
              '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
              3
            ),
            ''
          ) AS BIGINT)
        )
        ELSE CAST(NULL AS DATE)
      END
    END AS TINYINT) AS "__q9"
  FROM (
    SELECT
      "t8"."xm",
      "t8"."sfzh",
      "t8"."mz",
      "t8"."xzqh",
      "t8"."csrq",
      "t8"."xb",
      "t8"."yhkh",
      "t8"."age",
      "t8"."start_date",
      "t8"."end_date",
      "t8"."__d_sfzh:id:null",
      "t8"."__d_sfzh:id:shape",
      "t8"."__d_sfzh:id:area_text",
      "t8"."__d_sfzh:id:area",
      "t8"."__d_sfzh:id:birth",
      "t8"."__d_sfzh:id:seq",
      "t8"."__d_sfzh:id:last",
      "t8"."__d_sfzh:id:birth_date",
      "t8"."__d_sfzh:id:shape15",
      "t8"."__d_sfzh:id:birth15_date",
      "t8"."__d_key:sfzh:GB/T 2260:area:20e820631b1b",
      "t8"."__d_key:mz:GB/T 3304:code:bb801a4968ce",
      "t8"."__d_key:xzqh:GB/T 2260:code:20e820631b1b",
      "t8"."__d_csrq:time:iso:iso",
      "t8"."__d_csrq:time:iso:date",
      "t8"."__d_yhkh:luhn16-19:null",
      "t8"."__d_yhkh:luhn16-19:shape",
      "t8"."__d_yhkh:luhn16-19:c0",
      "t8"."__d_yhkh:luhn16-19:c1",
      "t8"."__d_yhkh:luhn16-19:c2",
      "t8"."__d_start_date:time:iso:iso",
      "t8"."__d_start_date:time:iso:date",
      "t8"."__d_end_date:time:iso:iso",
      "t8"."__d_end_date:time:iso:date",
      "t4"."__code0" IS NOT NULL AS "__lk0",
      "t5"."__code1" IS NOT NULL AS "__lk1",
      "t6"."__code2" IS NOT NULL AS "__lk2"
    FROM (
      SELECT
        "t0"."xm",
        "t0"."sfzh",
        "t0"."mz",
        "t0"."xzqh",
        "t0"."csrq",
        "t0"."xb",
        "t0"."yhkh",
        "t0"."age",
        "t0"."start_date",
        "t0"."end_date",
        "t0"."sfzh" IS NULL AS "__d_sfzh:id:null",
        REGEXP_MATCHES("t0"."sfzh", '^[0-9]{17}[0-9X]\z') AS "__d_sfzh:id:shape",
        SUBSTRING(
          "t0"."sfzh",
          CASE WHEN (
            0 + 1
          ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t0"."sfzh") END,
          6
        ) AS "__d_sfzh:id:area_text",
        TRY_CAST(SUBSTRING(
          "t0"."sfzh",
          CASE WHEN (
            0 + 1
          ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t0"."sfzh") END,
          6
        ) AS BIGINT) AS "__d_sfzh:id:area",
        TRY_CAST(SUBSTRING(
          "t0"."sfzh",
          CASE WHEN (
            6 + 1
          ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t0"."sfzh") END,
          8
        ) AS BIGINT) AS "__d_sfzh:id:birth",
        TRY_CAST(SUBSTRING(
          "t0"."sfzh",
          CASE WHEN (
            14 + 1
          ) >= 1 THEN 14 + 1 ELSE 14 + 1 + LENGTH("t0"."sfzh") END,
          3
        ) AS BIGINT) AS "__d_sfzh:id:seq",
        SUBSTRING(
          "t0"."sfzh",
          CASE WHEN (
            17 + 1
          ) >= 1 THEN 17 + 1 ELSE 17 + 1 + LENGTH("t0"."sfzh") END,
          1
        ) AS "__d_sfzh:id:last",
        CASE
          WHEN SUBSTRING(
            "t0"."sfzh",
            CASE WHEN (
              6 + 1
            ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t0"."sfzh") END,
            4
          ) >= '1800'
          THEN TRY_CAST(SUBSTRING(
            "t0"."sfzh",
            CASE WHEN (
              6 + 1
            ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t0"."sfzh") END,
            4
          ) || '-' || SUBSTRING(
            "t0"."sfzh",
            CASE WHEN (
              10 + 1
            ) >= 1 THEN 10 + 1 ELSE 10 + 1 + LENGTH("t0"."sfzh") END,
            2
          ) || '-' || SUBSTRING(
            "t0"."sfzh",
            CASE WHEN (
              12 + 1
            ) >= 1 THEN 12 + 1 ELSE 12 + 1 + LENGTH("t0"."sfzh") END,
            2
          ) AS DATE)
          ELSE CAST(NULL AS DATE)
        END AS "__d_sfzh:id:birth_date",
        REGEXP_MATCHES("t0"."sfzh", '^[0-9]{15}\z') AS "__d_sfzh:id:shape15",
        CASE
          WHEN '19' || SUBSTRING(
            "t0"."sfzh",
            CASE WHEN (
              6 + 1
            ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t0"."sfzh") END,
            2
          ) >= '1800'
          THEN TRY_CAST('19' || SUBSTRING(
            "t0"."sfzh",
            CASE WHEN (
              6 + 1
            ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t0"."sfzh") END,
            2
          ) || '-' || SUBSTRING(
            "t0"."sfzh",
            CASE WHEN (
              8 + 1
            ) >= 1 THEN 8 + 1 ELSE 8 + 1 + LENGTH("t0"."sfzh") END,
            2
          ) || '-' || SUBSTRING(
            "t0"."sfzh",
            CASE WHEN (
              10 + 1
            ) >= 1 THEN 10 + 1 ELSE 10 + 1 + LENGTH("t0"."sfzh") END,
            2
          ) AS DATE)
          ELSE CAST(NULL AS DATE)
        END AS "__d_sfzh:id:birth15_date",
        SUBSTRING(
          "t0"."sfzh",
          CASE WHEN (
            0 + 1
          ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t0"."sfzh") END,
          6
        ) AS "__d_key:sfzh:GB/T 2260:area:20e820631b1b",
        "t0"."mz" AS "__d_key:mz:GB/T 3304:code:bb801a4968ce",
        "t0"."xzqh" AS "__d_key:xzqh:GB/T 2260:code:20e820631b1b",
        REGEXP_MATCHES(
          "t0"."csrq",
          '^(1[89][0-9]{2}|2[01][0-9]{2}|2200)-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])( ([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9])?\z'
        ) AS "__d_csrq:time:iso:iso",
        TRY_CAST(SUBSTRING(
          "t0"."csrq",
          CASE WHEN (
            0 + 1
          ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t0"."csrq") END,
          10
        ) AS DATE) AS "__d_csrq:time:iso:date",
        "t0"."yhkh" IS NULL AS "__d_yhkh:luhn16-19:null",
        REGEXP_MATCHES("t0"."yhkh", '^[0-9]{16,19}\z') AS "__d_yhkh:luhn16-19:shape",
        TRY_CAST(SUBSTRING(
          CASE
            WHEN 24 <= LENGTH(REVERSE("t0"."yhkh"))
            THEN REVERSE("t0"."yhkh")
            ELSE REVERSE("t0"."yhkh") || REPEAT('0', 24 - LENGTH(REVERSE("t0"."yhkh")))
          END,
          CASE
            WHEN (
              0 + 1
            ) >= 1
            THEN 0 + 1
            ELSE 0 + 1 + LENGTH(
              CASE
                WHEN 24 <= LENGTH(REVERSE("t0"."yhkh"))
                THEN REVERSE("t0"."yhkh")
                ELSE REVERSE("t0"."yhkh") || REPEAT('0', 24 - LENGTH(REVERSE("t0"."yhkh")))
              END
            )
          END,
          8
        ) AS BIGINT) AS "__d_yhkh:luhn16-19:c0",
        TRY_CAST(SUBSTRING(
          CASE
            WHEN 24 <= LENGTH(REVERSE("t0"."yhkh"))
            THEN REVERSE("t0"."yhkh")
            ELSE REVERSE("t0"."yhkh") || REPEAT('0', 24 - LENGTH(REVERSE("t0"."yhkh")))
          END,
          CASE
            WHEN (
              8 + 1
            ) >= 1
            THEN 8 + 1
            ELSE 8 + 1 + LENGTH(
              CASE
                WHEN 24 <= LENGTH(REVERSE("t0"."yhkh"))
                THEN REVERSE("t0"."yhkh")
                ELSE REVERSE("t0"."yhkh") || REPEAT('0', 24 - LENGTH(REVERSE("t0"."yhkh")))
              END
            )
          END,
          8
        ) AS BIGINT) AS "__d_yhkh:luhn16-19:c1",
        TRY_CAST(SUBSTRING(
          CASE
            WHEN 24 <= LENGTH(REVERSE("t0"."yhkh"))
            THEN REVERSE("t0"."yhkh")
            ELSE REVERSE("t0"."yhkh") || REPEAT('0', 24 - LENGTH(REVERSE("t0"."yhkh")))
          END,
          CASE
            WHEN (
              16 + 1
            ) >= 1
            THEN 16 + 1
            ELSE 16 + 1 + LENGTH(
              CASE
                WHEN 24 <= LENGTH(REVERSE("t0"."yhkh"))
                THEN REVERSE("t0"."yhkh")
                ELSE REVERSE("t0"."yhkh") || REPEAT('0', 24 - LENGTH(REVERSE("t0"."yhkh")))
              END
            )
          END,
          8
        ) AS BIGINT) AS "__d_yhkh:luhn16-19:c2",
        REGEXP_MATCHES(
          "t0"."start_date",
          '^(1[89][0-9]{2}|2[01][0-9]{2}|2200)-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])( ([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9])?\z'
        ) AS "__d_start_date:time:iso:iso",
        TRY_CAST(SUBSTRING(
          "t0"."start_date",
          CASE WHEN (
            0 + 1
          ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t0"."start_date") END,
          10
        ) AS DATE) AS "__d_start_date:time:iso:date",
        REGEXP_MATCHES(
          "t0"."end_date",
          '^(1[89][0-9]{2}|2[01][0-9]{2}|2200)-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])( ([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9])?\z'
        ) AS "__d_end_date:time:iso:iso",
        TRY_CAST(SUBSTRING(
          "t0"."end_date",
          CASE WHEN (
            0 + 1
          ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t0"."end_date") END,
          10
        ) AS DATE) AS "__d_end_date:time:iso:date"
      FROM "people" AS "t0"
    ) AS "t8"
    LEFT OUTER JOIN "code_table_0" AS "t4"
      ON "t8"."__d_key:sfzh:GB/T 2260:area:20e820631b1b" = "t4"."__code0"
    LEFT OUTER JOIN "code_table_1" AS "t5"
      ON "t8"."__d_key:mz:GB/T 3304:code:bb801a4968ce" = "t5"."__code1"
    LEFT OUTER JOIN "code_table_2" AS "t6"
      ON "t8"."__d_key:xzqh:GB/T 2260:code:20e820631b1b" = "t6"."__code2"
  ) AS "t9"
) AS "t10"
