// Stripe Issuing merchant categories with their MCC codes (copied from Stripe's list, so a clone
// needs nothing outside the repository). Rules store the category name; editors show the code.
const TSV = `
ac_refrigeration_repair	7623	A/C, Refrigeration Repair
accounting_bookkeeping_services	8931	Accounting/Bookkeeping Services
advertising_services	7311	Advertising Services
agricultural_cooperative	0763	Agricultural Cooperative
airlines_air_carriers	4511	Airlines, Air Carriers
airports_flying_fields	4582	Airports, Flying Fields
ambulance_services	4119	Ambulance Services
amusement_parks_carnivals	7996	Amusement Parks/Carnivals
antique_reproductions	5937	Antique Reproductions
antique_shops	5932	Antique Shops
aquariums	7998	Aquariums
architectural_surveying_services	8911	Architectural/Surveying Services
art_dealers_and_galleries	5971	Art Dealers and Galleries
artists_supply_and_craft_shops	5970	Artists Supply and Craft Shops
auto_and_home_supply_stores	5531	Auto and Home Supply Stores
auto_body_repair_shops	7531	Auto Body Repair Shops
auto_paint_shops	7535	Auto Paint Shops
auto_service_shops	7538	Auto Service Shops
automated_cash_disburse	6011	Automated Cash Disburse
automated_fuel_dispensers	5542	Automated Fuel Dispensers
automobile_associations	8675	Automobile Associations
automotive_parts_and_accessories_stores	5533	Automotive Parts and Accessories Stores
automotive_tire_stores	5532	Automotive Tire Stores
bail_and_bond_payments	9223	Bail and Bond Payments (payment to the surety for the bond, not the actual bond paid to the government agency)
bakeries	5462	Bakeries
bands_orchestras	7929	Bands, Orchestras
barber_and_beauty_shops	7230	Barber and Beauty Shops
betting_casino_gambling	7995	Betting/Casino Gambling
bicycle_shops	5940	Bicycle Shops
billiard_pool_establishments	7932	Billiard/Pool Establishments
boat_dealers	5551	Boat Dealers
boat_rentals_and_leases	4457	Boat Rentals and Leases
book_stores	5942	Book Stores
books_periodicals_and_newspapers	5192	Books, Periodicals, and Newspapers
bowling_alleys	7933	Bowling Alleys
bus_lines	4131	Bus Lines
business_secretarial_schools	8244	Business/Secretarial Schools
buying_shopping_services	7278	Buying/Shopping Services
cable_satellite_and_other_pay_television_and_radio	4899	Cable, Satellite, and Other Pay Television and Radio
camera_and_photographic_supply_stores	5946	Camera and Photographic Supply Stores
candy_nut_and_confectionery_stores	5441	Candy, Nut, and Confectionery Stores
car_and_truck_dealers_new_used	5511	Car and Truck Dealers (New & Used) Sales, Service, Repairs Parts and Leasing
car_and_truck_dealers_used_only	5521	Car and Truck Dealers (Used Only) Sales, Service, Repairs Parts and Leasing
car_rental_agencies	7512	Car Rental Agencies
car_washes	7542	Car Washes
carpentry_services	1750	Carpentry Services
carpet_upholstery_cleaning	7217	Carpet/Upholstery Cleaning
caterers	5811	Caterers
charitable_and_social_service_organizations_fundraising	8398	Charitable and Social Service Organizations - Fundraising
chemicals_and_allied_products	5169	Chemicals and Allied Products (Not Elsewhere Classified)
child_care_services	8351	Child Care Services
childrens_and_infants_wear_stores	5641	Childrens and Infants Wear Stores
chiropodists_podiatrists	8049	Chiropodists, Podiatrists
chiropractors	8041	Chiropractors
cigar_stores_and_stands	5993	Cigar Stores and Stands
civic_social_fraternal_associations	8641	Civic, Social, Fraternal Associations
cleaning_and_maintenance	7349	Cleaning and Maintenance
clothing_rental	7296	Clothing Rental
colleges_universities	8220	Colleges, Universities
commercial_equipment	5046	Commercial Equipment (Not Elsewhere Classified)
commercial_footwear	5139	Commercial Footwear
commercial_photography_art_and_graphics	7333	Commercial Photography, Art and Graphics
commuter_transport_and_ferries	4111	Commuter Transport, Ferries
computer_network_services	4816	Computer Network Services
computer_programming	7372	Computer Programming
computer_repair	7379	Computer Repair
computer_software_stores	5734	Computer Software Stores
computers_peripherals_and_software	5045	Computers, Peripherals, and Software
concrete_work_services	1771	Concrete Work Services
construction_materials	5039	Construction Materials (Not Elsewhere Classified)
consulting_public_relations	7392	Consulting, Public Relations
correspondence_schools	8241	Correspondence Schools
cosmetic_stores	5977	Cosmetic Stores
counseling_services	7277	Counseling Services
country_clubs	7997	Country Clubs
courier_services	4215	Courier Services
court_costs	9211	Court Costs, Including Alimony and Child Support - Courts of Law
credit_reporting_agencies	7321	Credit Reporting Agencies
cruise_lines	4411	Cruise Lines
dairy_products_stores	5451	Dairy Products Stores
dance_hall_studios_schools	7911	Dance Hall, Studios, Schools
dating_escort_services	7273	Dating/Escort Services
dentists_orthodontists	8021	Dentists, Orthodontists
department_stores	5311	Department Stores
detective_agencies	7393	Detective Agencies
digital_goods_applications	5817	Digital Goods – Applications (Excludes Games)
digital_goods_games	5816	Digital Goods – Games
digital_goods_large_volume	5818	Digital Goods – Large Digital Goods Merchant
digital_goods_media	5815	Digital Goods Media – Books, Movies, Music
direct_marketing_catalog_merchant	5964	Direct Marketing - Catalog Merchant
direct_marketing_combination_catalog_and_retail_merchant	5965	Direct Marketing - Combination Catalog and Retail Merchant
direct_marketing_inbound_telemarketing	5967	Direct Marketing - Inbound Telemarketing
direct_marketing_insurance_services	5960	Direct Marketing - Insurance Services
direct_marketing_other	5969	Direct Marketing - Other
direct_marketing_outbound_telemarketing	5966	Direct Marketing - Outbound Telemarketing
direct_marketing_subscription	5968	Direct Marketing - Subscription
direct_marketing_travel	5962	Direct Marketing - Travel
discount_stores	5310	Discount Stores
doctors	8011	Doctors
door_to_door_sales	5963	Door-To-Door Sales
drapery_window_covering_and_upholstery_stores	5714	Drapery, Window Covering, and Upholstery Stores
drinking_places	5813	Drinking Places
drug_stores_and_pharmacies	5912	Drug Stores and Pharmacies
drugs_drug_proprietaries_and_druggist_sundries	5122	Drugs, Drug Proprietaries, and Druggist Sundries
dry_cleaners	7216	Dry Cleaners
durable_goods	5099	Durable Goods (Not Elsewhere Classified)
duty_free_stores	5309	Duty Free Stores
eating_places_restaurants	5812	Eating Places, Restaurants
educational_services	8299	Educational Services
electric_razor_stores	5997	Electric Razor Stores
electric_vehicle_charging	5552	Electric Vehicle Charging
electrical_parts_and_equipment	5065	Electrical Parts and Equipment
electrical_services	1731	Electrical Services
electronics_repair_shops	7622	Electronics Repair Shops
electronics_stores	5732	Electronics Stores
elementary_secondary_schools	8211	Elementary, Secondary Schools
emergency_services_gcas_visa_use_only	9702	Emergency Services (GCAS) (Visa use only)
employment_temp_agencies	7361	Employment/Temp Agencies
equipment_rental	7394	Equipment Rental
exterminating_services	7342	Exterminating Services
family_clothing_stores	5651	Family Clothing Stores
fast_food_restaurants	5814	Fast Food Restaurants
financial_institutions	6012	Financial Institutions
fines_government_administrative_entities	9222	Fines - Government Administrative Entities
fireplace_fireplace_screens_and_accessories_stores	5718	Fireplace, Fireplace Screens, and Accessories Stores
floor_covering_stores	5713	Floor Covering Stores
florists	5992	Florists
florists_supplies_nursery_stock_and_flowers	5193	Florists Supplies, Nursery Stock, and Flowers
freezer_and_locker_meat_provisioners	5422	Freezer and Locker Meat Provisioners
fuel_dealers_non_automotive	5983	Fuel Dealers (Non Automotive)
funeral_services_crematories	7261	Funeral Services, Crematories
furniture_home_furnishings_and_equipment_stores_except_appliances	5712	Furniture, Home Furnishings, and Equipment Stores, Except Appliances
furniture_repair_refinishing	7641	Furniture Repair, Refinishing
furriers_and_fur_shops	5681	Furriers and Fur Shops
general_services	1520	General Services
gift_card_novelty_and_souvenir_shops	5947	Gift, Card, Novelty, and Souvenir Shops
glass_paint_and_wallpaper_stores	5231	Glass, Paint, and Wallpaper Stores
glassware_crystal_stores	5950	Glassware, Crystal Stores
golf_courses_public	7992	Golf Courses - Public
government_licensed_horse_dog_racing_us_region_only	7802	Government-Licensed Horse/Dog Racing (US Region only)
government_licensed_online_casions_online_gambling_us_region_only	7801	Government Licensed On-line Casinos (On-Line Gambling)(US Region only)
government_owned_lotteries_non_us_region	9406	Government-Owned Lotteries (Non-US region)
government_owned_lotteries_us_region_only	7800	Government-Owned Lotteries (US Region only)
government_services	9399	Government Services (Not Elsewhere Classified)
grocery_stores_supermarkets	5411	Grocery Stores, Supermarkets
hardware_equipment_and_supplies	5072	Hardware, Equipment, and Supplies
hardware_stores	5251	Hardware Stores
health_and_beauty_spas	7298	Health and Beauty Spas
hearing_aids_sales_and_supplies	5975	Hearing Aids Sales and Supplies
heating_plumbing_a_c	1711	Heating, Plumbing, A/C
hobby_toy_and_game_shops	5945	Hobby, Toy, and Game Shops
home_supply_warehouse_stores	5200	Home Supply Warehouse Stores
hospitals	8062	Hospitals
hotels_motels_and_resorts	7011	Hotels, Motels, and Resorts
household_appliance_stores	5722	Household Appliance Stores
industrial_supplies	5085	Industrial Supplies (Not Elsewhere Classified)
information_retrieval_services	7375	Information Retrieval Services
insurance_default	6399	Insurance - Default
insurance_underwriting_premiums	6300	Insurance Underwriting, Premiums
intra_company_purchases	9950	Intra-Company Purchases
jewelry_stores_watches_clocks_and_silverware_stores	5944	Jewelry Stores, Watches, Clocks, and Silverware Stores
landscaping_services	0780	Landscaping Services
laundries	7211	Laundries
laundry_cleaning_services	7210	Laundry, Cleaning Services
legal_services_attorneys	8111	Legal Services, Attorneys
luggage_and_leather_goods_stores	5948	Luggage and Leather Goods Stores
lumber_building_materials_stores	5211	Lumber, Building Materials Stores
manual_cash_disburse	6010	Manual Cash Disburse
marinas_service_and_supplies	4468	Marinas, Service and Supplies
marketplaces	5262	Marketplaces
masonry_stonework_and_plaster	1740	Masonry, Stonework, and Plaster
massage_parlors	7297	Massage Parlors
medical_and_dental_labs	8071	Medical and Dental Labs
medical_dental_ophthalmic_and_hospital_equipment_and_supplies	5047	Medical, Dental, Ophthalmic, and Hospital Equipment and Supplies
medical_services	8099	Medical Services
membership_organizations	8699	Membership Organizations
mens_and_boys_clothing_and_accessories_stores	5611	Mens and Boys Clothing and Accessories Stores
mens_womens_clothing_stores	5691	Mens, Womens Clothing Stores
metal_service_centers	5051	Metal Service Centers
miscellaneous		Miscellaneous
miscellaneous_apparel_and_accessory_shops	5699	Miscellaneous Apparel and Accessory Shops
miscellaneous_auto_dealers	5599	Miscellaneous Auto Dealers
miscellaneous_business_services	7399	Miscellaneous Business Services
miscellaneous_food_stores	5499	Miscellaneous Food Stores - Convenience Stores and Specialty Markets
miscellaneous_general_merchandise	5399	Miscellaneous General Merchandise
miscellaneous_general_services	7299	Miscellaneous General Services
miscellaneous_home_furnishing_specialty_stores	5719	Miscellaneous Home Furnishing Specialty Stores
miscellaneous_publishing_and_printing	2741	Miscellaneous Publishing and Printing
miscellaneous_recreation_services	7999	Miscellaneous Recreation Services
miscellaneous_repair_shops	7699	Miscellaneous Repair Shops
miscellaneous_specialty_retail	5999	Miscellaneous Specialty Retail
mobile_home_dealers	5271	Mobile Home Dealers
motion_picture_theaters	7832	Motion Picture Theaters
motor_freight_carriers_and_trucking	4214	Motor Freight Carriers and Trucking - Local and Long Distance, Moving and Storage Companies, and Local Delivery Services
motor_homes_dealers	5592	Motor Homes Dealers
motor_vehicle_supplies_and_new_parts	5013	Motor Vehicle Supplies and New Parts
motorcycle_shops_and_dealers	5571	Motorcycle Shops and Dealers
motorcycle_shops_dealers	5561	Motorcycle Shops, Dealers
music_stores_musical_instruments_pianos_and_sheet_music	5733	Music Stores-Musical Instruments, Pianos, and Sheet Music
news_dealers_and_newsstands	5994	News Dealers and Newsstands
non_fi_money_orders	6051	Non-FI, Money Orders
non_fi_stored_value_card_purchase_load	6540	Non-FI, Stored Value Card Purchase/Load
nondurable_goods	5199	Nondurable Goods (Not Elsewhere Classified)
nurseries_lawn_and_garden_supply_stores	5261	Nurseries, Lawn and Garden Supply Stores
nursing_personal_care	8050	Nursing/Personal Care
office_and_commercial_furniture	5021	Office and Commercial Furniture
opticians_eyeglasses	8043	Opticians, Eyeglasses
optometrists_ophthalmologist	8042	Optometrists, Ophthalmologist
orthopedic_goods_prosthetic_devices	5976	Orthopedic Goods - Prosthetic Devices
osteopaths	8031	Osteopaths
package_stores_beer_wine_and_liquor	5921	Package Stores-Beer, Wine, and Liquor
paints_varnishes_and_supplies	5198	Paints, Varnishes, and Supplies
parking_lots_garages	7523	Parking Lots, Garages
passenger_railways	4112	Passenger Railways
pawn_shops	5933	Pawn Shops
pet_shops_pet_food_and_supplies	5995	Pet Shops, Pet Food, and Supplies
petroleum_and_petroleum_products	5172	Petroleum and Petroleum Products
photo_developing	7395	Photo Developing
photographic_photocopy_microfilm_equipment_and_supplies	5044	Photographic, Photocopy, Microfilm Equipment, and Supplies
photographic_studios	7221	Photographic Studios
picture_video_production	7829	Picture/Video Production
piece_goods_notions_and_other_dry_goods	5131	Piece Goods, Notions, and Other Dry Goods
plumbing_heating_equipment_and_supplies	5074	Plumbing, Heating Equipment, and Supplies
political_organizations	8651	Political Organizations
postal_services_government_only	9402	Postal Services - Government Only
precious_stones_and_metals_watches_and_jewelry	5094	Precious Stones and Metals, Watches and Jewelry
professional_services	8999	Professional Services
public_warehousing_and_storage	4225	Public Warehousing and Storage - Farm Products, Refrigerated Goods, Household Goods, and Storage
quick_copy_repro_and_blueprint	7338	Quick Copy, Repro, and Blueprint
railroads	4011	Railroads
real_estate_agents_and_managers_rentals	6513	Real Estate Agents and Managers - Rentals
record_stores	5735	Record Stores
recreational_vehicle_rentals	7519	Recreational Vehicle Rentals
religious_goods_stores	5973	Religious Goods Stores
religious_organizations	8661	Religious Organizations
roofing_siding_sheet_metal	1761	Roofing/Siding, Sheet Metal
secretarial_support_services	7339	Secretarial Support Services
security_brokers_dealers	6211	Security Brokers/Dealers
service_stations	5541	Service Stations
sewing_needlework_fabric_and_piece_goods_stores	5949	Sewing, Needlework, Fabric, and Piece Goods Stores
shoe_repair_hat_cleaning	7251	Shoe Repair/Hat Cleaning
shoe_stores	5661	Shoe Stores
small_appliance_repair	7629	Small Appliance Repair
snowmobile_dealers	5598	Snowmobile Dealers
special_trade_services	1799	Special Trade Services
specialty_cleaning	2842	Specialty Cleaning
sporting_goods_stores	5941	Sporting Goods Stores
sporting_recreation_camps	7032	Sporting/Recreation Camps
sports_and_riding_apparel_stores	5655	Sports and Riding Apparel Stores
sports_clubs_fields	7941	Sports Clubs/Fields
stamp_and_coin_stores	5972	Stamp and Coin Stores
stationary_office_supplies_printing_and_writing_paper	5111	Stationary, Office Supplies, Printing and Writing Paper
stationery_stores_office_and_school_supply_stores	5943	Stationery Stores, Office, and School Supply Stores
swimming_pools_sales	5996	Swimming Pools Sales
t_ui_travel_germany	4723	TUI Travel - Germany
tailors_alterations	5697	Tailors, Alterations
tax_payments_government_agencies	9311	Tax Payments - Government Agencies
tax_preparation_services	7276	Tax Preparation Services
taxicabs_limousines	4121	Taxicabs/Limousines
telecommunication_equipment_and_telephone_sales	4812	Telecommunication Equipment and Telephone Sales
telecommunication_services	4814	Telecommunication Services
telegraph_services	4821	Telegraph Services
tent_and_awning_shops	5998	Tent and Awning Shops
testing_laboratories	8734	Testing Laboratories
theatrical_ticket_agencies	7922	Theatrical Ticket Agencies
timeshares	7012	Timeshares
tire_retreading_and_repair	7534	Tire Retreading and Repair
tolls_bridge_fees	4784	Tolls/Bridge Fees
tourist_attractions_and_exhibits	7991	Tourist Attractions and Exhibits
towing_services	7549	Towing Services
trailer_parks_campgrounds	7033	Trailer Parks, Campgrounds
transportation_services	4789	Transportation Services (Not Elsewhere Classified)
travel_agencies_tour_operators	4722	Travel Agencies, Tour Operators
truck_stop_iteration	7511	Truck StopIteration
truck_utility_trailer_rentals	7513	Truck/Utility Trailer Rentals
typesetting_plate_making_and_related_services	2791	Typesetting, Plate Making, and Related Services
typewriter_stores	5978	Typewriter Stores
u_s_federal_government_agencies_or_departments	9405	U.S. Federal Government Agencies or Departments
uniforms_commercial_clothing	5137	Uniforms, Commercial Clothing
used_merchandise_and_secondhand_stores	5931	Used Merchandise and Secondhand Stores
utilities	4900	Utilities
variety_stores	5331	Variety Stores
veterinary_services	0742	Veterinary Services
video_amusement_game_supplies	7993	Video Amusement Game Supplies
video_game_arcades	7994	Video Game Arcades
video_tape_rental_stores	7841	Video Tape Rental Stores
vocational_trade_schools	8249	Vocational/Trade Schools
watch_jewelry_repair	7631	Watch/Jewelry Repair
welding_repair	7692	Welding Repair
wholesale_clubs	5300	Wholesale Clubs
wig_and_toupee_stores	5698	Wig and Toupee Stores
wires_money_orders	4829	Wires, Money Orders
womens_accessory_and_specialty_shops	5631	Womens Accessory and Specialty Shops
womens_ready_to_wear_stores	5621	Womens Ready-To-Wear Stores
wrecking_and_salvage_yards	5935	Wrecking and Salvage Yards
`;

export type MerchantCategory = { category: string; mcc: string; name: string };

export const MERCHANT_CATEGORIES: readonly MerchantCategory[] = TSV.trim()
  .split("\n")
  .map((line) => {
    const [category = "", mcc = "", name = ""] = line.split("\t");
    return { category, mcc, name };
  });

const BY_CATEGORY = new Map(MERCHANT_CATEGORIES.map((c) => [c.category, c]));

export function merchantCategory(category: string): MerchantCategory | undefined {
  return BY_CATEGORY.get(category);
}

export function isMerchantCategory(category: string): boolean {
  return BY_CATEGORY.has(category);
}
