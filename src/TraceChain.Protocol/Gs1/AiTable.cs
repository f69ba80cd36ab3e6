namespace TraceChain.Protocol.Gs1;

/// <summary>
/// The AI table in GS1 Barcode Syntax Dictionary notation (checked against gs1/gs1-syntax-dictionary and the GS1
/// General Specifications). One line per AI or AI range: "AI[-AI] components [req=..] [ex=..] [dlpkey[=..]] # title".
/// Components: N numeric, X CSET 82, Y CSET 39, Z CSET 64; "N6" fixed, "X..20" 1 to 20; "[..]" optional last
/// component; ",linter" adds a content rule. "req=a,b" means one of a or b must be present (repeated req keys must
/// all hold); 'n' in a pattern matches any digit. The predefined-length flag is derived from the AI prefix.
/// </summary>
internal static class AiTable
{
    public const string Text = """
        00 N18,csum dlpkey # SSCC
        01 N14,csum ex=02,255,37 dlpkey=22,10,21|235 # GTIN
        02 N14,csum req=37 # CONTENT
        10 X..20 req=01,02,8006,8026 # BATCH/LOT
        11 N6,yymmd0 req=01,02,8006,8026 # PROD DATE
        12 N6,yymmd0 req=8020 # DUE DATE
        13 N6,yymmd0 req=01,02,8006,8026 # PACK DATE
        15 N6,yymmd0 req=01,02,8006,8026 # BEST BEFORE or BEST BY
        16 N6,yymmd0 req=01,02,8006,8026 # SELL BY
        17 N6,yymmd0 req=01,02,255,8006,8026 # USE BY or EXPIRY
        20 N2 req=01,02,8006,8026 # VARIANT
        21 X..20 req=01,8006 ex=235 # SERIAL
        22 X..20 req=01 # CPV
        235 X..28 req=01 # TPX
        240 X..30 req=01,02,8006,8026 # ADDITIONAL ID
        241 X..30 req=01,02,8006,8026 # CUST. PART No.
        242 N..6 req=01,02,8006,8026 # MTO VARIANT
        243 X..20 req=01 # PCN
        250 X..30 req=01,8006 req=21 # SECONDARY SERIAL
        251 X..30 req=01,8006 # REF. TO SOURCE
        253 N13,csum [X..17] dlpkey # GDTI
        254 X..20 req=414 # GLN EXTENSION COMPONENT
        255 N13,csum [N..12] dlpkey ex=01,02,415,8006,8020,8026 # GCN
        30 N..8 req=01,02 # VAR. COUNT
        3100-3105 N6 req=01,02 ex=310n # NET WEIGHT (kg)
        3110-3115 N6 req=01,02 ex=311n # LENGTH (m)
        3120-3125 N6 req=01,02 ex=312n # WIDTH (m)
        3130-3135 N6 req=01,02 ex=313n # HEIGHT (m)
        3140-3145 N6 req=01,02 ex=314n # AREA (m2)
        3150-3155 N6 req=01,02 ex=315n # NET VOLUME (l)
        3160-3165 N6 req=01,02 ex=316n # NET VOLUME (m3)
        3200-3205 N6 req=01,02 ex=320n # NET WEIGHT (lb)
        3210-3215 N6 req=01,02 ex=321n # LENGTH (in)
        3220-3225 N6 req=01,02 ex=322n # LENGTH (ft)
        3230-3235 N6 req=01,02 ex=323n # LENGTH (yd)
        3240-3245 N6 req=01,02 ex=324n # WIDTH (in)
        3250-3255 N6 req=01,02 ex=325n # WIDTH (ft)
        3260-3265 N6 req=01,02 ex=326n # WIDTH (yd)
        3270-3275 N6 req=01,02 ex=327n # HEIGHT (in)
        3280-3285 N6 req=01,02 ex=328n # HEIGHT (ft)
        3290-3295 N6 req=01,02 ex=329n # HEIGHT (yd)
        3300-3305 N6 req=00,01 ex=330n # GROSS WEIGHT (kg)
        3310-3315 N6 req=00,01 ex=331n # LENGTH (m), log
        3320-3325 N6 req=00,01 ex=332n # WIDTH (m), log
        3330-3335 N6 req=00,01 ex=333n # HEIGHT (m), log
        3340-3345 N6 req=00,01 ex=334n # AREA (m2), log
        3350-3355 N6 req=00,01 ex=335n # VOLUME (l), log
        3360-3365 N6 req=00,01 ex=336n # VOLUME (m3), log
        3370-3375 N6 req=01 ex=337n # KG PER m2
        3400-3405 N6 req=00,01 ex=340n # GROSS WEIGHT (lb)
        3410-3415 N6 req=00,01 ex=341n # LENGTH (in), log
        3420-3425 N6 req=00,01 ex=342n # LENGTH (ft), log
        3430-3435 N6 req=00,01 ex=343n # LENGTH (yd), log
        3440-3445 N6 req=00,01 ex=344n # WIDTH (in), log
        3450-3455 N6 req=00,01 ex=345n # WIDTH (ft), log
        3460-3465 N6 req=00,01 ex=346n # WIDTH (yd), log
        3470-3475 N6 req=00,01 ex=347n # HEIGHT (in), log
        3480-3485 N6 req=00,01 ex=348n # HEIGHT (ft), log
        3490-3495 N6 req=00,01 ex=349n # HEIGHT (yd), log
        3500-3505 N6 req=01,02 ex=350n # AREA (in2)
        3510-3515 N6 req=01,02 ex=351n # AREA (ft2)
        3520-3525 N6 req=01,02 ex=352n # AREA (yd2)
        3530-3535 N6 req=00,01 ex=353n # AREA (in2), log
        3540-3545 N6 req=00,01 ex=354n # AREA (ft2), log
        3550-3555 N6 req=00,01 ex=355n # AREA (yd2), log
        3560-3565 N6 req=01,02 ex=356n # NET WEIGHT (t oz)
        3570-3575 N6 req=01,02 ex=357n # NET VOLUME (oz)
        3600-3605 N6 req=01,02 ex=360n # NET VOLUME (qt)
        3610-3615 N6 req=01,02 ex=361n # NET VOLUME (gal.)
        3620-3625 N6 req=00,01 ex=362n # VOLUME (qt), log
        3630-3635 N6 req=00,01 ex=363n # VOLUME (gal.), log
        3640-3645 N6 req=01,02 ex=364n # VOLUME (in3)
        3650-3655 N6 req=01,02 ex=365n # VOLUME (ft3)
        3660-3665 N6 req=01,02 ex=366n # VOLUME (yd3)
        3670-3675 N6 req=00,01 ex=367n # VOLUME (in3), log
        3680-3685 N6 req=00,01 ex=368n # VOLUME (ft3), log
        3690-3695 N6 req=00,01 ex=369n # VOLUME (yd3), log
        37 N..8 req=00 req=02,8026 # COUNT
        3900-3909 N..15 req=255,8020 ex=390n,391n,394n,8111 # AMOUNT
        3910-3919 N3 N..15 req=8020 ex=391n # AMOUNT
        3920-3929 N..15 req=01 req=30,31nn,32nn,35nn,36nn ex=392n,393n # PRICE
        3930-3939 N3 N..15 req=30,31nn,32nn,35nn,36nn ex=393n # PRICE
        3940-3943 N4 req=255 ex=394n,8111 # PRCNT OFF
        3950-3955 N6 req=30,31nn,32nn,35nn,36nn ex=392n,393n,395n,8005 # PRICE/UoM
        400 X..30 # ORDER NUMBER
        401 X..30 dlpkey # GINC
        402 N17,csum dlpkey # GSIN
        403 X..30 req=00 # ROUTE
        410 N13,csum # SHIP TO LOC
        411 N13,csum # BILL TO
        412 N13,csum # PURCHASE FROM
        413 N13,csum # SHIP FOR LOC
        414 N13,csum dlpkey=254|7040 # LOC No.
        415 N13,csum req=8020 dlpkey=8020 # PAY TO
        416 N13,csum # PROD/SERV LOC
        417 N13,csum dlpkey=7040 # PARTY
        420 X..20 ex=421 # SHIP TO POST
        421 N3 X..9 # SHIP TO POST
        422 N3 req=01,02,8006,8026 ex=426 # ORIGIN
        423 N3 N..12 req=01,02 ex=426 # COUNTRY - INITIAL PROCESS
        424 N3 req=01,02 ex=426 # COUNTRY - PROCESS
        425 N3 N..12 req=01,02 ex=426 # COUNTRY - DISASSEMBLY
        426 N3 req=01,02 # COUNTRY - FULL PROCESS
        427 X..3 req=01,02 req=422 # ORIGIN SUBDIVISION
        7001 N13 req=01,02,8006,8026 # NSN
        7002 X..30 req=01,02 # MEAT CUT
        7003 N6,yymmdd N4,hhmm req=01,02 # EXPIRY TIME
        7004 N..4 req=01 req=10 # ACTIVE POTENCY
        7005 X..12 req=01,02 # CATCH AREA
        7006 N6,yymmdd req=01,02 # FIRST FREEZE DATE
        7007 N6,yymmdd [N6,yymmdd] req=01,02 # HARVEST DATE
        7008 X..3 req=01,02 # AQUATIC SPECIES
        7009 X..10 req=01,02 # FISHING GEAR TYPE
        7010 X..2 req=01,02 # PROD METHOD
        7011 N6,yymmdd [N4,hhmm] req=01,02 # TEST BY DATE
        7020 X..20 req=01,8006 req=416 # REFURB LOT
        7021 X..20 req=01,8006 # FUNC STAT
        7022 X..20 req=7021 # REV STAT
        7023 X..30 # GIAI - ASSEMBLY
        7030-7039 N3 X..27 req=01,02 # PROCESSOR # {d}
        7040 N1 X1 X1 X1 # UIC+EXT
        710 X..20 req=01 # NHRN PZN
        711 X..20 req=01 # NHRN CIP
        712 X..20 req=01 # NHRN CN
        713 X..20 req=01 # NHRN DRN
        714 X..20 req=01 # NHRN AIM
        715 X..20 req=01 # NHRN NDC
        716 X..20 req=01 # NHRN AIC
        717 X..20 req=01 # NHRN SRN
        7230-7239 X2 X..28 req=01,8004 # CERT # {d1}
        7240 X..20 req=01,8006 # PROTOCOL
        7241 N2 req=8017,8018 # AIDC MEDIA TYPE
        7242 X..25 req=8017,8018 # VCN
        8001 N4,nonzero N5,nonzero N3,nonzero N1,winding N1 req=01 # DIMENSIONS
        8002 X..20 # CMT No.
        8003 N1,zero N13,csum [X..16] dlpkey # GRAI
        8004 X..30 dlpkey=7040 # GIAI
        8005 N6 req=01,02 # PRICE PER UNIT
        8006 N14,csum N4,pieceoftotal ex=01,37 dlpkey=22,10,21 # ITIP
        8007 X..34 req=415 # IBAN
        8008 N8,yymmddhh [N..4,mmoptss] req=01,02 # PROD TIME
        8009 X..50 req=00,01 # OPTSEN
        8010 Y..30 dlpkey=8011 # CPID
        8011 N..12,nozeroprefix req=8010 # CPID SERIAL
        8012 X..20 req=01,8006 # VERSION
        8013 X..25 dlpkey # GMN
        8017 N18,csum ex=8018 dlpkey=8019 # GSRN - PROVIDER
        8018 N18,csum ex=8017 dlpkey=8019 # GSRN - RECIPIENT
        8019 N..10 req=8017,8018 # SRIN
        8020 X..25 req=415 # REF No.
        8026 N14,csum N4,pieceoftotal req=37 ex=02,8006 # ITIP CONTENT
        8030 Z..90 req=00,01,253,255,8003,8004,8006,8010,8017,8018 # DIGSIG
        8110 X..70 # COUPON
        8111 N4 req=255 # POINTS
        8112 X..70 # COUPON OFFER
        8200 X..70 req=01 # PRODUCT URL
        90 X..30 # INTERNAL
        91-99 X..90 # INTERNAL
        """;
}
